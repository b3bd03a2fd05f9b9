package kr.civilportal.residency.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.common.time.WorkingDays;
import kr.civilportal.residency.ResidencySettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * 처리기한 of move-in reports: the {@link WorkingHoursPeriod} of {@code portal.residency.processing.*}, in the public
 * offices' working days of {@code portal.public-holidays} (portal-common's list, kept once for every service), in
 * Korean time, counted from the moment a report reaches the officers' queue (a report joining a household waits for the
 * head's consent first, which is not the office's time).
 */
@ApplicationScoped
public class MoveInDeadlines {

    private static final Logger LOG = Logger.getLogger(MoveInDeadlines.class);

    private final WorkingHoursPeriod period;
    /** Years already warned about by this process: once each is enough to be acted on. */
    private final Set<Integer> unlistedYearsWarned = ConcurrentHashMap.newKeySet();

    MoveInDeadlines(ResidencySettings settings, @ConfigProperty(name = WorkingDays.SETTING) String publicHolidays) {
        ResidencySettings.Processing processing = settings.processing();
        this.period = new WorkingHoursPeriod(processing.hours(),
                processing.officeHours().stream().map(WorkingHoursPeriod.Span::parse).toList(),
                WorkingDays.parse(publicHolidays));
    }

    /** The working days deadlines are counted in. */
    public WorkingDays calendar() {
        return period.calendar();
    }

    /**
     * 처리기한 after a supplement (보완): the time the report waited for the citizen does not count toward the period
     * (민원 처리에 관한 법률 시행령: 보완에 걸린 기간은 처리기간에 산입하지 않음), so the office hours it had left when the
     * supplement was requested ({@code pausedAt}, deadline {@code due}) count again from the answer ({@code
     * resumedAt}). A report already past its deadline when it was paused has none left: due when the office next
     * opens, as overdue as it was.
     */
    public OffsetDateTime resumedDueAt(OffsetDateTime due, OffsetDateTime pausedAt, OffsetDateTime resumedAt) {
        Duration left = period.officeTimeBetween(korean(pausedAt), korean(due));
        return period.after(korean(resumedAt), left).atZone(KoreanTime.ZONE).toOffsetDateTime();
    }

    private static java.time.LocalDateTime korean(OffsetDateTime moment) {
        return moment.atZoneSameInstant(KoreanTime.ZONE).toLocalDateTime();
    }

    /** 처리기한 of a report that reached the queue at {@code received}. */
    public OffsetDateTime dueAt(Instant received) {
        OffsetDateTime due = period.dueAt(received.atZone(KoreanTime.ZONE).toLocalDateTime())
                .atZone(KoreanTime.ZONE).toOffsetDateTime();
        LocalDate day = due.toLocalDate();
        if (!period.holidaysListedFor(day) && unlistedYearsWarned.add(day.getYear())) {
            // Still given (every report has a deadline), but the office hears of it: each year's list is added by
            // hand when 인사혁신처 announces it.
            LOG.warnf("처리기한 %s falls in %d, whose public holidays are not listed "
                    + "(" + WorkingDays.SETTING + "): they count as working days, so deadlines in %d "
                    + "may come too early until the year's list is added", day, day.getYear(), day.getYear());
        }
        return due;
    }
}
