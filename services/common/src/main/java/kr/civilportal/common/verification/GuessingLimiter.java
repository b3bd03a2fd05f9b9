package kr.civilportal.common.verification;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Supplier;
import jakarta.ws.rs.core.Response;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;

/**
 * Limits guessing of issuance numbers (and presenting forged documents) per client address, in every service that
 * verifies documents ({@link GuessingSettings}: so many misses per period): each unknown or malformed number costs a
 * token from the client's bucket; while the bucket is empty the client gets 429 for every look-up. Genuine look-ups
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

    @Inject
    GuessingLimiter(GuessingSettings settings) {
        this(settings.missesAllowed(), settings.missesPeriod(), settings.trackedClients());
    }

    GuessingLimiter(long capacity, Duration refillPeriod, long trackedClients) {
        this.capacity = capacity;
        this.refillPeriod = refillPeriod;
        this.buckets = Caffeine.newBuilder().maximumSize(trackedClients)
                .expireAfterAccess(refillPeriod.multipliedBy(2)).build();
    }

    /**
     * One look-up under the limit, as every verification endpoint answers it: 429 at once while the client has no
     * misses left (before any work, such as checking a PDF's signature); 200 with what {@code lookUp} returns for a
     * genuine number or document, which costs nothing; a refusal it throws (malformed, not issued, not genuine:
     * any 4xx problem) counts as a miss, and is answered as it is, or as 429 when it was one miss too many.
     */
    public Response verify(String client, String path, Supplier<?> lookUp) {
        OptionalLong wait = blocked(client);
        if (wait.isPresent()) {
            return tooMany(wait.getAsLong(), path);
        }
        try {
            return Response.ok(lookUp.get()).build();
        } catch (ProblemException refused) {
            if (refused.problem().status() >= 500) {
                throw refused;
            }
            wait = miss(client);
            if (wait.isPresent()) {
                return tooMany(wait.getAsLong(), path);
            }
            throw refused;
        }
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

    /** The 429 a client out of misses gets, with Retry-After. */
    public static Response tooMany(long seconds, String path) {
        Problem p = ProblemType.TOO_MANY_REQUESTS.problem("Too many unknown numbers or documents that are not genuine "
                + "from your address. Try again in " + seconds + " s.",
                "확인되지 않은 번호나 문서의 조회가 너무 많습니다. " + seconds + "초 후 다시 시도해 주세요.");
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", seconds)
                .entity(p.withInstance(path)).build();
    }

    private static long secondsUntilNextToken(Bucket bucket) {
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
