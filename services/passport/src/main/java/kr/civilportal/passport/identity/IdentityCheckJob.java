package kr.civilportal.passport.identity;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Asks residency again about pending identity checks. Every replica runs it; they never take the same
 * application (claims are {@code FOR UPDATE SKIP LOCKED} with a lease), and a round still running is not
 * started twice on one replica.
 */
@ApplicationScoped
public class IdentityCheckJob {

    private static final Logger LOG = Logger.getLogger(IdentityCheckJob.class);

    private final IdentityChecks checks;

    IdentityCheckJob(IdentityChecks checks) {
        this.checks = checks;
    }

    @Scheduled(every = "${portal.passport.identity-check.every}", delayed = "${portal.passport.identity-check.delayed}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int settled = checks.runDue();
        if (settled > 0) {
            LOG.infof("Identity checks settled in the background: %d", settled);
        }
    }
}
