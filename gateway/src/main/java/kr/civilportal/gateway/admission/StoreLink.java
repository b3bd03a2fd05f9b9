package kr.civilportal.gateway.admission;

import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Whether this replica can reach the shared store right now, and so whether its waiting room and rate limits are
 * shared with the other replicas or its own. Every store call reports here; the mode changes on the first
 * failure and on the first success after one, and each change is logged once (a store that stays down for an
 * hour is one WARN line, not 36,000). Plain, so the switching is tested without a store.
 */
public final class StoreLink {

    /**
     * What {@code /api/status} shows as {@code admission}: {@code mode} {@code shared} or {@code per-replica};
     * {@code replicas}: live replicas the store counted last (each takes 1/replicas of a route's capacity and rate
     * while on its own).
     */
    public record View(String mode, Instant since, String replica, int replicas, String detail) {
    }

    private static final Logger LOG = Logger.getLogger(StoreLink.class);

    private final String replica;
    private final Clock clock;
    /** Null until the first store call: the first outcome is logged whichever it is. */
    private Boolean reachable;
    private Instant since;
    private String detail;
    private int replicas = 1;
    /** Read on the request path. */
    private volatile boolean shared;
    /** The store's clock minus this replica's, at the last read (times in the store are the store's). */
    private volatile long clockOffsetMillis;

    StoreLink(String replica, boolean enabled, Clock clock) {
        this.replica = replica;
        this.clock = clock;
        this.since = clock.instant();
        this.detail = enabled ? "not yet in touch with the shared store" : "sharing switched off by configuration";
    }

    public boolean shared() {
        return shared;
    }

    public String replica() {
        return replica;
    }

    /** A store call succeeded; {@code liveReplicas}: live replicas seen in the store, if this call counted them. */
    synchronized void up(int liveReplicas) {
        if (liveReplicas > 0) {
            replicas = liveReplicas;
        }
        if (!Boolean.TRUE.equals(reachable)) {
            if (reachable == null) {
                LOG.infof("Shared admission store reached: waiting room and rate limits shared by all gateway "
                        + "replicas (this one: %s)", replica);
            } else {
                LOG.infof("Shared admission store reachable again: waiting room and rate limits shared by all "
                        + "gateway replicas again (this one: %s)", replica);
            }
            reachable = true;
            since = clock.instant();
            detail = "waiting room and rate limits shared by every gateway replica through the store";
            shared = true;
        }
    }

    public synchronized void up() {
        up(0);
    }

    /** A store call failed: per-replica limits and queues from now until a call succeeds. */
    public synchronized void down(Exception cause) {
        if (!Boolean.FALSE.equals(reachable)) {
            reachable = false;
            since = clock.instant();
            detail = "shared store unreachable: each gateway replica queues and counts on its own";
            shared = false;
            // The cause's class and message (a connection refused, a time-out): no credentials are in either.
            LOG.warnf("Shared admission store unreachable (%s: %s): waiting room and rate limits are per replica "
                    + "until it is back (this one, %s, takes 1/%d of each route's capacity and rate)",
                    cause.getClass().getSimpleName(), cause.getMessage(), replica, replicas);
        }
    }

    /** Live replicas at the last successful read (1 before any): a replica alone takes this share of a route. */
    synchronized int replicas() {
        return replicas;
    }

    void clockOffset(long storeNow, long localNow) {
        clockOffsetMillis = storeNow - localNow;
    }

    /** This replica's clock turned into the store's. */
    long storeTime(long localMillis) {
        return localMillis + clockOffsetMillis;
    }

    public synchronized View view() {
        return new View(shared ? "shared" : "per-replica", since, replica, replicas, detail);
    }
}
