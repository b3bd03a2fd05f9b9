package kr.civilportal.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30));

    @Test
    void doublesAfterEachFailedAttempt() {
        assertEquals(Duration.ofSeconds(30), backoff.after(1));
        assertEquals(Duration.ofMinutes(1), backoff.after(2));
        assertEquals(Duration.ofMinutes(2), backoff.after(3));
        assertEquals(Duration.ofMinutes(16), backoff.after(6));
    }

    @Test
    void neverLongerThanTheMaximum() {
        assertEquals(Duration.ofMinutes(30), backoff.after(7));
        assertEquals(Duration.ofMinutes(30), backoff.after(63));
        assertEquals(Duration.ofMinutes(30), backoff.after(Integer.MAX_VALUE));
    }

    @Test
    void zeroAttemptsIsTheInitialPause() {
        assertEquals(Duration.ofSeconds(30), backoff.after(0));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)));
    }
}
