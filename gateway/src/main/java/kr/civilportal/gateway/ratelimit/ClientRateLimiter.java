package kr.civilportal.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * A token bucket per client (Bucket4j) for one route: {@code requests} per {@code period}, refilled smoothly, so a
 * client may also send that many at once. Buckets live in a bounded cache; a client unseen for a whole period has
 * a full bucket anyway, so forgetting it changes nothing.
 */
public final class ClientRateLimiter {

    /** {@code retryAfterSeconds} is 0 when allowed. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final Decision ALLOWED = new Decision(true, 0);

    private final long requests;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    public ClientRateLimiter(long requests, Duration period, long maxClients) {
        this.requests = requests;
        this.period = period;
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(period).build();
    }

    public Decision tryAcquire(String client) {
        Bucket bucket = buckets.get(client, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build())
                .build());
        // The common case first, without the probe's extra bookkeeping: this runs on every routed request.
        if (bucket.tryConsume(1)) {
            return ALLOWED;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return new Decision(false, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
