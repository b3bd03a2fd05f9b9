package kr.civilportal.land.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import kr.civilportal.common.idempotency.IdempotencyStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes expired Idempotency-Key records (kept {@code portal.land.idempotency.retention}, at least 24 hours)
 * in short batches. Every replica runs it; batches skip rows another replica is deleting.
 */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    private final IdempotencyStore store;
    private final int batch;

    IdempotencyPurge(IdempotencyStore store,
                     @ConfigProperty(name = "portal.land.idempotency.purge-batch") int batch) {
        this.store = store;
        this.batch = batch;
    }

    @Scheduled(every = "${portal.land.idempotency.purge-every}",
            delayed = "${portal.land.idempotency.purge-delayed}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** @return how many keys were deleted */
    public long purge() {
        long purged = store.purgeExpired(batch);
        if (purged > 0) {
            LOG.infof("Purged %d expired idempotency keys", purged);
        }
        return purged;
    }
}
