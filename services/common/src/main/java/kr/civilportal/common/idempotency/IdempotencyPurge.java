package kr.civilportal.common.idempotency;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes expired Idempotency-Key records ({@code portal.idempotency.retention}, at least 24 hours) in short
 * batches on the schedule of {@code portal.idempotency.purge.*}. Every replica runs it; batches skip rows another
 * replica is deleting, so no lock or leader is needed.
 */
@ApplicationScoped
@IfBuildProperty(name = "portal.idempotency.enabled", stringValue = "true")
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    private final IdempotencyStore store;
    private final int batch;

    IdempotencyPurge(IdempotencyStore store, IdempotencySettings settings) {
        this.store = store;
        this.batch = settings.purge().batch();
    }

    // The fallbacks repeat IdempotencySettings' defaults: @Scheduled resolves configuration expressions, it
    // cannot read the mapping, and a service without these properties must still purge.
    @Scheduled(every = "${portal.idempotency.purge.every:1h}", delayed = "${portal.idempotency.purge.delayed:5m}",
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
