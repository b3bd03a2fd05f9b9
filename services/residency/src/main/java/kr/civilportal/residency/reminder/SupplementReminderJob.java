package kr.civilportal.residency.reminder;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.residency.ResidencySettings;
import org.jboss.logging.Logger;

/**
 * Reminds filers the day before the deadline of a move-in supplement round (보완 기한) they have not answered, batch
 * after batch ({@link SupplementReminders}), as passport reminds its applicants. Every replica runs it; each round
 * is reminded of once. "The day before" is Korea's: a deadline of 12-08 is reminded of from 00:00 on 12-07 in Korea,
 * though that is still 12-06 in UTC. Tests call {@link #remind(Instant)} with the moment to judge by.
 */
@ApplicationScoped
public class SupplementReminderJob {

    private static final Logger LOG = Logger.getLogger(SupplementReminderJob.class);
    /**
     * The day before: a deadline is a whole day in Korea the filer may still answer on, so a reminder on it would
     * leave them hours at most; and a reminder earlier than the day before would be the request told again.
     */
    static final int DAYS_AHEAD = 1;

    private final SupplementReminders reminders;
    private final int batch;
    private final Clock clock = Clock.systemUTC();

    SupplementReminderJob(SupplementReminders reminders, ResidencySettings settings) {
        this.reminders = reminders;
        this.batch = settings.reminders().batch();
    }

    @Scheduled(every = "${portal.residency.reminders.every}", delayed = "${portal.residency.reminders.delayed}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int reminded = remind(clock.instant());
        if (reminded > 0) {
            // A count only: who was reminded of what is in the outbox, not in the log.
            LOG.infof("Move-in supplement deadline reminders written: %d", reminded);
        }
    }

    /** Writes every reminder due at {@code now}; returns how many. */
    public int remind(Instant now) {
        LocalDate deadline = deadlineToRemindOf(now);
        int total = 0;
        int written;
        do {
            written = reminders.remind(deadline, now, batch);
            total += written;
        } while (written == batch);
        return total;
    }

    /** The deadline reminded of at {@code now}: tomorrow in Korea, whatever the server's zone. */
    static LocalDate deadlineToRemindOf(Instant now) {
        return now.atZone(KoreanTime.ZONE).toLocalDate().plusDays(DAYS_AHEAD);
    }
}
