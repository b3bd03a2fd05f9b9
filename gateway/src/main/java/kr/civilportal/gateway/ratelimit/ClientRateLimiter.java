package kr.civilportal.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A token bucket per client (Bucket4j) for one route: {@code requests} per {@code period}, refilled smoothly, so a
 * client may also send that many at once. Buckets live in a bounded cache; a client unseen for a whole period has
 * a full bucket anyway, so forgetting it changes nothing.
 *
 * <p>Shared by the gateway replicas without a store call per request: each replica's bucket decides on the spot
 * (on the event loop), counts what it let through, and {@link RateLimitExchange} tells the other replicas every
 * sync interval; each takes the tokens another replica let through out of its own bucket of that client
 * ({@link #consumedElsewhere}), going into debt if need be, so the client's total over all replicas converges on
 * one bucket's. What one replica does not know yet is what the client got through the others within the last
 * exchange lag: that is the bound on the overshoot (see the gateway README). Clients are known to the store by a
 * keyed hash ({@code clientKeys}), never by subject or address.
 */
public final class ClientRateLimiter {

    /** {@code retryAfterSeconds} is 0 when allowed. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    /** Requests a replica let through for one client (by its store key) since it last told the others. */
    public record Consumed(String clientKey, long count) {
    }

    /** One client's bucket, and the requests it let through that the other replicas have not been told of. */
    private static final class Usage {
        final String key;
        final Bucket bucket;
        final AtomicLong unsent = new AtomicLong();

        Usage(String key, Bucket bucket) {
            this.key = key;
            this.bucket = bucket;
        }
    }

    private static final Decision ALLOWED = new Decision(true, 0);

    private final long requests;
    private final Duration period;
    private final TimeMeter clock;
    /** The client's key in the store; null when the limit is this replica's alone (the key is the client). */
    private final UnaryOperator<String> clientKeys;
    private final Cache<String, String> keys;
    private final Cache<String, Usage> usages;
    /** Usages with something unsent, each once (see {@link #tryAcquire}). */
    private final Queue<Usage> unsent = new ConcurrentLinkedQueue<>();

    /** This replica's limit alone (nothing is counted for other replicas). */
    public ClientRateLimiter(long requests, Duration period, long maxClients) {
        this(requests, period, maxClients, null, TimeMeter.SYSTEM_NANOTIME);
    }

    /**
     * @param clientKeys the client's key in the shared store (a keyed hash), or null for a limit of this
     *                   replica's alone
     * @param clock      Bucket4j's clock (tests pass their own)
     */
    public ClientRateLimiter(long requests, Duration period, long maxClients, UnaryOperator<String> clientKeys,
                             TimeMeter clock) {
        this.requests = requests;
        this.period = period;
        this.clock = clock;
        this.clientKeys = clientKeys;
        this.keys = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(period).build();
        this.usages = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(period).build();
    }

    public Decision tryAcquire(String client) {
        Usage usage = usage(clientKeys == null ? client : keys.get(client, clientKeys));
        // The common case first, without the probe's extra bookkeeping: this runs on every routed request.
        if (usage.bucket.tryConsume(1)) {
            // Queued for the exchange when it goes from nothing to something unsent: once, however many follow.
            if (clientKeys != null && usage.unsent.getAndIncrement() == 0) {
                unsent.add(usage);
            }
            return ALLOWED;
        }
        long nanos = usage.bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return new Decision(false, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    /** What this replica let through since the last call, per client: for the other replicas. */
    public List<Consumed> drainUnsent() {
        List<Consumed> drained = new ArrayList<>();
        for (Usage usage; (usage = unsent.poll()) != null; ) {
            long count = usage.unsent.getAndSet(0);
            if (count > 0) {
                drained.add(new Consumed(usage.key, count));
            }
        }
        return drained;
    }

    /**
     * Another replica let {@code count} of this client's requests through: taken out of this replica's bucket too,
     * into debt if need be (a client who got through elsewhere what it may have here waits it off here), but never
     * more than one bucket's worth of debt, so a late or doubled report cannot lock a client out for long.
     */
    public void consumedElsewhere(String clientKey, long count) {
        Usage usage = usage(clientKey);
        long debit = Math.min(count, usage.bucket.getAvailableTokens() + requests);
        if (debit > 0) {
            usage.bucket.consumeIgnoringRateLimits(debit);
        }
    }

    /** Tokens a client has left on this replica (negative: in debt), e.g. for tests. */
    public long available(String client) {
        return usage(clientKeys == null ? client : keys.get(client, clientKeys)).bucket.getAvailableTokens();
    }

    public long requests() {
        return requests;
    }

    public Duration period() {
        return period;
    }

    private Usage usage(String key) {
        return usages.get(key, k -> new Usage(k, Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build())
                .withCustomTimePrecision(clock)
                .build()));
    }
}
