package kr.civilportal.passport.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.passport.PassportSettings;

/** The passport office's {@link ProcessingPeriod} from {@code portal.passport.processing.*}, on Korean days. */
@ApplicationScoped
public class ProcessingDeadlines {

    private final ProcessingPeriod period;

    ProcessingDeadlines(PassportSettings settings) {
        this.period = new ProcessingPeriod(settings.processing().workingDays(), settings.processing().publicHolidays()
                .stream().map(String::strip).map(LocalDate::parse).collect(Collectors.toSet()));
    }

    /** 처리기한 of an application received at {@code received}. */
    public LocalDate dueOn(Instant received) {
        return period.dueOn(received.atZone(KoreanTime.ZONE).toLocalDate());
    }

    /** 처리기한 moved on by a supplement asked for at {@code asked} and answered at {@code answered}. */
    public LocalDate extended(LocalDate dueOn, Instant asked, Instant answered) {
        return period.extended(dueOn, asked.atZone(KoreanTime.ZONE).toLocalDate(),
                answered.atZone(KoreanTime.ZONE).toLocalDate());
    }
}
