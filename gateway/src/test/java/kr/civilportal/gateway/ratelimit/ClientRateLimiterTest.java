package kr.civilportal.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    @Test
    void eachClientHasItsOwnBucketAndIsToldHowLongToWait() {
        ClientRateLimiter limiter = new ClientRateLimiter(2, Duration.ofMinutes(1), 100);
        assertTrue(limiter.tryAcquire("sub:a").allowed());
        assertTrue(limiter.tryAcquire("sub:a").allowed());
        ClientRateLimiter.Decision refused = limiter.tryAcquire("sub:a");
        assertFalse(refused.allowed());
        // One token comes back every 30 s.
        assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 30, "" + refused.retryAfterSeconds());
        assertTrue(limiter.tryAcquire("sub:b").allowed());
    }

    /** A clock for Bucket4j that the test moves. */
    static final class TestClock implements TimeMeter {
        final AtomicLong nanos = new AtomicLong();

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advanceMillis(long millis) {
            nanos.addAndGet(millis * 1_000_000);
        }
    }

    static final UnaryOperator<String> KEYS = new ClientKeys("test-only-waiting-room-ticket-signing-key").forRoute("residency");

    /** Sends what {@code from} let through to {@code to}, as one exchange does. */
    static void exchange(ClientRateLimiter from, ClientRateLimiter to) {
        from.drainUnsent().forEach(c -> to.consumedElsewhere(c.clientKey(), c.count()));
    }

    /**
     * One client alternating between two replicas, {@code requestsPerSecond} in all, for {@code seconds}; the
     * replicas exchange every {@code lagMillis} (0: never). Returns the requests let through in all.
     */
    static long alternate(long limit, Duration period, int requestsPerSecond, int seconds, long lagMillis) {
        TestClock clock = new TestClock();
        ClientRateLimiter a = new ClientRateLimiter(limit, period, 100, KEYS, clock);
        ClientRateLimiter b = new ClientRateLimiter(limit, period, 100, KEYS, clock);
        long allowed = 0;
        long gap = 1000 / requestsPerSecond;
        long sinceExchange = 0;
        for (long t = 0; t < seconds * 1000L; t += gap) {
            ClientRateLimiter replica = (t / gap) % 2 == 0 ? a : b;
            if (replica.tryAcquire("sub:one-citizen").allowed()) {
                allowed++;
            }
            clock.advanceMillis(gap);
            sinceExchange += gap;
            if (lagMillis > 0 && sinceExchange >= lagMillis) {
                exchange(a, b);
                exchange(b, a);
                sinceExchange = 0;
            }
        }
        return allowed;
    }

    @Test
    void aClientAlternatingBetweenReplicasGetsOneLimitInTotalPlusAtMostWhatTheLagLetsThrough() {
        long limit = 20;
        Duration period = Duration.ofSeconds(10);
        int rate = 50;
        int seconds = 30;
        long oneBucket = limit + limit * seconds / period.toSeconds(); // burst + refill over the run
        long alone = alternate(limit, period, rate, seconds, 0);
        long shared = alternate(limit, period, rate, seconds, 200);
        // The bound: what the client got through the other replica within one exchange interval (counted by the
        // one and not yet known by the other), here 50 req/s x 0.2 s = 10, and never more than one more burst.
        long bound = Math.min(limit, (long) Math.ceil(rate * 0.2));
        assertTrue(alone >= 2 * oneBucket - 2, "without the exchange each replica gives the whole limit: " + alone);
        assertTrue(shared <= oneBucket + bound, "shared: " + shared + " let through, one bucket " + oneBucket
                + " + bound " + bound);
        assertTrue(shared >= oneBucket - 2, "and not much less than one bucket: " + shared);
    }

    @Test
    void theStoreKnowsClientsOnlyByAKeyedHashAndEveryReplicaDerivesTheSameOne() {
        ClientRateLimiter a = new ClientRateLimiter(5, Duration.ofMinutes(1), 100, KEYS, TimeMeter.SYSTEM_NANOTIME);
        a.tryAcquire("addr:203.0.113.7");
        a.tryAcquire("addr:203.0.113.7");
        List<ClientRateLimiter.Consumed> unsent = a.drainUnsent();
        assertEquals(1, unsent.size());
        assertEquals(2, unsent.get(0).count());
        String key = unsent.get(0).clientKey();
        assertFalse(key.contains("203.0.113"), key);
        assertEquals(key, new ClientKeys("test-only-waiting-room-ticket-signing-key").forRoute("residency").apply("addr:203.0.113.7"));
        assertFalse(key.equals(new ClientKeys("another-secret-of-at-least-32-bytes!!").forRoute("residency")
                .apply("addr:203.0.113.7")), "without the secret the key cannot be recomputed");
        assertFalse(key.equals(KEYS.apply("addr:203.0.113.8")));
        assertEquals(List.of(), a.drainUnsent(), "sent once");
    }

    @Test
    void whatOtherReplicasLetThroughIsTakenOutOfThisOnesBucketButNeverMoreThanOneBucketOfDebt() {
        TestClock clock = new TestClock();
        ClientRateLimiter here = new ClientRateLimiter(10, Duration.ofMinutes(1), 100, KEYS, clock);
        String key = KEYS.apply("sub:x");
        here.consumedElsewhere(key, 4);
        assertEquals(6, here.available("sub:x"), "a client first seen through another replica's report");
        here.consumedElsewhere(key, 1_000);
        assertEquals(-10, here.available("sub:x"), "a late or doubled report locks a client out for one period at most");
        assertFalse(here.tryAcquire("sub:x").allowed());
        clock.advanceMillis(Duration.ofMinutes(1).toMillis() + 6_000);
        assertTrue(here.tryAcquire("sub:x").allowed());
        assertEquals(List.of(new ClientRateLimiter.Consumed(key, 1)), here.drainUnsent(),
                "only what this replica let through is sent");
    }

    @Test
    void aLimitOfThisReplicaAloneCountsNothingForOthers() {
        ClientRateLimiter alone = new ClientRateLimiter(5, Duration.ofMinutes(1), 100);
        alone.tryAcquire("sub:a");
        assertEquals(List.of(), alone.drainUnsent());
    }
}
