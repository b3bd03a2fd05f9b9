package kr.civilportal.emergency.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import kr.civilportal.common.idempotency.IdempotencyStore;
import org.jboss.logging.Logger;

/** Deletes expired Idempotency-Key records every hour; safe on every replica at once (a plain DELETE). */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    private final IdempotencyStore store;

    IdempotencyPurge(IdempotencyStore store) {
        this.store = store;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int purged = store.purgeExpired();
        if (purged > 0) {
            LOG.infof("Purged %d expired idempotency keys", purged);
        }
    }
}
