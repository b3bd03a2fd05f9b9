package kr.civilportal.passport.payment;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Sends the refunds asked for ({@link PaymentRefunds}). Every replica runs it; claims are {@code FOR UPDATE SKIP
 * LOCKED} with a lease, and a round still running is not started twice on one replica.
 */
@ApplicationScoped
public class PaymentRefundJob {

    private static final Logger LOG = Logger.getLogger(PaymentRefundJob.class);

    private final PaymentRefunds refunds;

    PaymentRefundJob(PaymentRefunds refunds) {
        this.refunds = refunds;
    }

    @Scheduled(every = "${portal.passport.payment.refund.every}", delayed = "${portal.passport.payment.refund.delayed}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int done = refunds.runDue();
        if (done > 0) {
            LOG.infof("Refunds done: %d", done);
        }
    }
}
