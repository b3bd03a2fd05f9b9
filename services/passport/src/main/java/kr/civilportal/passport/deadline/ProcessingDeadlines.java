package kr.civilportal.passport.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.common.time.WorkingDays;
import kr.civilportal.passport.PassportSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The passport office's {@link ProcessingPeriod} from {@code portal.passport.processing.*}, on Korean days, in the
 * public offices' working days of {@code portal.public-holidays} (portal-common's list, kept once for every service).
 */
@ApplicationScoped
public class ProcessingDeadlines {

    private static final Logger LOG = Logger.getLogger(ProcessingDeadlines.class);

    private final ProcessingPeriod period;
    /** Years already warned about by this process: once each is enough to be acted on, and keeps the log readable. */
    private final Set<Integer> unlistedYearsWarned = ConcurrentHashMap.newKeySet();

    ProcessingDeadlines(PassportSettings settings, @ConfigProperty(name = WorkingDays.SETTING) String publicHolidays) {
        this.period = new ProcessingPeriod(settings.processing().workingDays(), WorkingDays.parse(publicHolidays));
    }

    /** The working days deadlines are counted in. */
    public WorkingDays calendar() {
        return period.calendar();
    }

    /** 처리기한 of an application received at {@code received}. */
    public LocalDate dueOn(Instant received) {
        return warnedIfUnlisted(period.dueOn(received.atZone(KoreanTime.ZONE).toLocalDate()));
    }

    /** 처리기한 moved on by a supplement asked for at {@code asked} and answered at {@code answered}. */
    public LocalDate extended(LocalDate dueOn, Instant asked, Instant answered) {
        return warnedIfUnlisted(period.extended(dueOn, asked.atZone(KoreanTime.ZONE).toLocalDate(),
                answered.atZone(KoreanTime.ZONE).toLocalDate()));
    }

    /**
     * A deadline in a year whose public holidays nobody has listed yet is still given (the application must have
     * one), but the office hears of it: each year's list is added by hand when 인사혁신처 announces it. Years
     * before this one are past mending and not worth a warning (the demo data has applications from 2019).
     */
    private LocalDate warnedIfUnlisted(LocalDate due) {
        boolean pastYear = due.getYear() < LocalDate.now(KoreanTime.ZONE).getYear();
        if (!pastYear && !period.holidaysListedFor(due) && unlistedYearsWarned.add(due.getYear())) {
            LOG.warnf("처리기한 %s falls in %d, whose public holidays are not listed "
                    + "(" + WorkingDays.SETTING + "): they count as working days, so deadlines in %d "
                    + "may come too early until the year's list is added", due, due.getYear(), due.getYear());
        }
        return due;
    }
}
