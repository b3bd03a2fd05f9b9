package kr.civilportal.paymentsandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void doublesFromOneSecond() {
        assertEquals(Duration.ofSeconds(1), backoff.after(1));
        assertEquals(Duration.ofSeconds(2), backoff.after(2));
        assertEquals(Duration.ofSeconds(4), backoff.after(3));
        assertEquals(Duration.ofSeconds(256), backoff.after(9));
    }

    @Test
    void isCappedAtFiveMinutesHoweverManyFailures() {
        assertEquals(Duration.ofMinutes(5), backoff.after(10));
        assertEquals(Duration.ofMinutes(5), backoff.after(1_000_000));
        assertEquals(Duration.ofMinutes(5), backoff.after(Integer.MAX_VALUE));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> backoff.after(0));
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ZERO, Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryBackoff(Duration.ofMinutes(6), Duration.ofMinutes(5)));
    }
}
