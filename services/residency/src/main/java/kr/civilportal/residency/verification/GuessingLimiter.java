package kr.civilportal.residency.verification;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits guessing of issuance numbers per client address: each unknown or malformed number costs a token
 * from the client's bucket; while the bucket is empty the client gets 429 for every look-up. Genuine look-ups
 * cost nothing, so a bank checking many real certificates is not slowed down, while someone walking the
 * number space is stopped after a handful of misses. Buckets live in a bounded cache (idle ones expire), so
 * a flood of addresses cannot exhaust memory. Per replica: with n replicas a guesser gets n times the budget,
 * still hopeless against 10^15 numbers.
 */
@ApplicationScoped
public class GuessingLimiter {

    private final Cache<String, Bucket> buckets;
    private final long capacity;
    private final Duration refillPeriod;

    GuessingLimiter(@ConfigProperty(name = "portal.residency.verification.misses-allowed") long capacity,
                    @ConfigProperty(name = "portal.residency.verification.misses-period") Duration refillPeriod) {
        this.capacity = capacity;
        this.refillPeriod = refillPeriod;
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(refillPeriod.multipliedBy(2)).build();
    }

    /** Seconds to wait if the client has no misses left, else empty. */
    public OptionalLong blocked(String client) {
        Bucket bucket = buckets.getIfPresent(client);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(secondsUntilNextToken(bucket));
    }

    /** Counts a miss; the seconds to wait when it was one too many, else empty. */
    public OptionalLong miss(String client) {
        Bucket bucket = buckets.get(client, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, refillPeriod).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    private static long secondsUntilNextToken(Bucket bucket) {
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
