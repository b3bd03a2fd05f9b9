package kr.civilportal.gateway.ratelimit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kr.civilportal.gateway.admission.SharedStore;
import kr.civilportal.gateway.admission.StoreLink;
import kr.civilportal.gateway.routing.GatewayConfig;

/**
 * Tells the other gateway replicas what this one let through, and takes what they let through out of this one's
 * buckets: every {@code portal.gateway.rate-limit.shared.sync-interval}, on its own thread, one write of this
 * replica's counts since the last exchange and one read of the rows the others wrote since (as Kong's
 * "cluster" policy does with its sync rate). The request path only counts in memory.
 *
 * <p>A failed exchange turns the store link down: the buckets go on deciding alone (each replica then lets a
 * client have the whole limit, as with sharing off) and the counts of that interval are dropped, not sent late.
 */
@ApplicationScoped
public class RateLimitExchange {

    private final RateLimitFilter filter;
    private final SharedStore store;
    private final GatewayConfig.SharedRateLimits config;
    private final UsageLog log;
    /** Rows already taken out of the buckets (reads overlap), with when they were recorded. */
    private final Map<Long, Long> applied = new HashMap<>();
    private Long lastRead;
    private long rounds;
    private ScheduledExecutorService thread;

    RateLimitExchange(RateLimitFilter filter, SharedStore store, GatewayConfig gateway) {
        this.filter = filter;
        this.store = store;
        this.config = gateway.rateLimit().shared();
        this.log = new UsageLog(store.dataSource(), store.statementTimeoutSeconds());
        if (config.overlap().compareTo(config.syncInterval().multipliedBy(2)) < 0) {
            // Shorter, and a row committed a little after the previous read could fall between two reads.
            throw new IllegalStateException("portal.gateway.rate-limit.shared.overlap (" + config.overlap()
                    + ") must be at least twice sync-interval (" + config.syncInterval() + ")");
        }
    }

    void start(@Observes StartupEvent event) {
        if (!store.enabled() || filter.limiters().isEmpty()) {
            return;
        }
        long interval = config.syncInterval().toMillis();
        thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("rate-limit-sync").factory());
        thread.scheduleWithFixedDelay(this::exchange, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    /** One exchange; never throws (a scheduled task that throws is never run again). */
    void exchange() {
        List<UsageLog.Entry> mine = new ArrayList<>();
        filter.limiters().forEach((route, limiter) -> limiter.drainUnsent()
                .forEach(c -> mine.add(new UsageLog.Entry(route, c.clientKey(), c.count()))));
        StoreLink link = store.link();
        try {
            if (!mine.isEmpty()) {
                log.record(link.replica(), mine);
            }
            long overlap = config.overlap().toMillis();
            UsageLog.Read read = log.since(link.replica(), lastRead == null ? null : lastRead - overlap, overlap);
            for (UsageLog.Row row : read.rows()) {
                if (applied.putIfAbsent(row.id(), row.recordedAt()) == null) {
                    ClientRateLimiter limiter = filter.limiters().get(row.route());
                    if (limiter != null) {
                        limiter.consumedElsewhere(row.clientKey(), row.consumed());
                    }
                }
            }
            lastRead = read.storeNow();
            // Rows older than the next read's window will not come again.
            applied.values().removeIf(at -> at <= lastRead - overlap);
            // Every replica purges now and then; rows are kept well past any reader's window.
            if (++rounds % purgeEvery() == 0) {
                log.purge(read.storeNow() - 3 * overlap);
            }
            link.up();
        } catch (Exception e) {
            link.down(e);
            // Back from an outage, only what is recent counts: what the others let through while each was alone
            // is not charged to the client afterwards.
            lastRead = null;
        }
    }

    /** About once per overlap window. */
    private long purgeEvery() {
        return Math.max(1, config.overlap().toMillis() / Math.max(1, config.syncInterval().toMillis()));
    }
}
