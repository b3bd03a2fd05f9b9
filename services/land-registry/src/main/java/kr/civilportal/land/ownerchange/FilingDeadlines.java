package kr.civilportal.land.ownerchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.common.time.WorkingDays;
import kr.civilportal.land.LandRegistrySettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * 처리기한 of an owner-change request: the last working day of its processing period, the day of receipt (in
 * Korean time) counted, as the Civil Petitions Act's enforcement decree counts a period of six days or more.
 * Overdue once that day has ended.
 */
@ApplicationScoped
public class FilingDeadlines {

    /** Below this the decree counts in hours from the time of receipt, which this class does not do. */
    static final int COUNTED_IN_DAYS_FROM = 6;
    private static final Logger LOG = Logger.getLogger(FilingDeadlines.class);

    private final WorkingDays workingDays;
    private final int processingDays;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    @Inject
    FilingDeadlines(LandRegistrySettings settings, @ConfigProperty(name = WorkingDays.SETTING) String publicHolidays) {
        this(settings.ownerChangeRequests().processingDays(), WorkingDays.parse(publicHolidays));
    }

    /** The rule itself, for unit tests with a calendar of their own. */
    FilingDeadlines(int processingDays, WorkingDays workingDays) {
        if (processingDays < COUNTED_IN_DAYS_FROM) {
            throw new IllegalArgumentException("A period under " + COUNTED_IN_DAYS_FROM
                    + " days is counted in hours: not modelled (portal.land.owner-change-requests.processing-days)");
        }
        this.processingDays = processingDays;
        this.workingDays = workingDays;
    }

    /** The deadline of a request received at {@code receivedAt}. */
    LocalDate dueOn(Instant receivedAt) {
        LocalDate received = receivedAt.atZone(KoreanTime.ZONE).toLocalDate();
        LocalDate due = workingDays.nthWorkingDay(received, processingDays);
        if (!workingDays.holidaysListedFor(due) && warnedYears.add(due.getYear())) {
            LOG.warnf("No public holidays are listed for %d (portal.public-holidays): deadlines in it count them as "
                    + "working days and may come early", due.getYear());
        }
        return due;
    }

    /** Past its deadline: the deadline's day has ended in Korea. */
    static boolean overdue(LocalDate dueOn, Instant now) {
        return now.atZone(KoreanTime.ZONE).toLocalDate().isAfter(dueOn);
    }
}
