package kr.civilportal.passport.reminder;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import kr.civilportal.passport.PassportSettings;
import org.jboss.logging.Logger;

/**
 * Reminds applicants the day before a booked pickup (교부 예약) and before a supplement deadline (보완 기한) they
 * have not answered, batch after batch ({@link Reminders}). Every replica runs it; each reminder is written once.
 * Tests call {@link #remind(Instant)} with the moment to judge by, as the clock would give it.
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    private final Reminders reminders;
    private final ReminderDay rule;
    private final int batch;
    private final Clock clock = Clock.systemUTC();

    ReminderJob(Reminders reminders, ReminderRule rule, PassportSettings settings) {
        this.reminders = reminders;
        this.rule = rule.day();
        this.batch = settings.reminders().batch();
    }

    @Scheduled(every = "${portal.passport.reminders.every}", delayed = "${portal.passport.reminders.delayed}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        Reminded reminded = remind(clock.instant());
        if (reminded.pickups() + reminded.supplements() > 0) {
            // Counts only: who was reminded of what is in the outbox, not in the log.
            LOG.infof("Reminders written: %d pickups, %d supplement deadlines", reminded.pickups(),
                    reminded.supplements());
        }
    }

    /** Writes every reminder due at {@code now}; returns how many of each. */
    public Reminded remind(Instant now) {
        LocalDate day = rule.dayToRemindOf(now);
        int pickups = 0;
        int written;
        do {
            written = reminders.pickups(day, now, batch);
            pickups += written;
        } while (written == batch);
        int supplements = 0;
        do {
            written = reminders.supplements(day, now, batch);
            supplements += written;
        } while (written == batch);
        return new Reminded(pickups, supplements);
    }

    /** How many reminders one run wrote. */
    public record Reminded(int pickups, int supplements) {
    }
}
