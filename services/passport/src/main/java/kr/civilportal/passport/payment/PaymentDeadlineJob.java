package kr.civilportal.passport.payment;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Ends the applications whose online fee was not paid in time ({@link PaymentDeadline}). Every replica runs it
 * (claims are {@code FOR UPDATE SKIP LOCKED}); a run still going on one replica is not started twice there. Tests call
 * {@link PaymentDeadline#endOverdue} with the moment to judge by, as the clock would give it.
 */
@ApplicationScoped
public class PaymentDeadlineJob {

    private static final Logger LOG = Logger.getLogger(PaymentDeadlineJob.class);

    private final PaymentDeadline deadline;

    PaymentDeadlineJob(PaymentDeadline deadline) {
        this.deadline = deadline;
    }

    @Scheduled(every = "${portal.passport.payment-deadline.every}",
            delayed = "${portal.passport.payment-deadline.delayed}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        PaymentDeadline.Outcome outcome = deadline.endOverdue(Instant.now());
        if (outcome.ended() > 0 || outcome.leftForLater() > 0) {
            LOG.infof("Payment deadline: %d rejected unpaid, %d received (paid without a webhook), %d left for the "
                    + "next run (provider not answering)", outcome.rejected(), outcome.received(),
                    outcome.leftForLater());
        }
    }
}
