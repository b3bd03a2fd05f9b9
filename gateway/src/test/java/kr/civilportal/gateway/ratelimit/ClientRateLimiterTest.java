package kr.civilportal.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
}
