package kr.civilportal.passport.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofMinutes(10));

    @Test
    void thePauseDoublesWithEachFailureUpToTheMaximum() {
        assertEquals(Duration.ZERO, schedule.delayAfter(0));
        assertEquals(Duration.ofSeconds(10), schedule.delayAfter(1));
        assertEquals(Duration.ofSeconds(20), schedule.delayAfter(2));
        assertEquals(Duration.ofSeconds(40), schedule.delayAfter(3));
        assertEquals(Duration.ofSeconds(320), schedule.delayAfter(6));
        assertEquals(Duration.ofMinutes(10), schedule.delayAfter(7));
        assertEquals(Duration.ofMinutes(10), schedule.delayAfter(1_000), "a week-long outage does not overflow");
        assertEquals(Duration.ofMinutes(10), schedule.delayAfter(Integer.MAX_VALUE));
    }

    @Test
    void theNextAttemptIsThatPauseFromNow() {
        Instant now = Instant.parse("2026-11-25T00:00:00Z");
        assertEquals(Instant.parse("2026-11-25T00:00:20Z"), schedule.nextAttempt(now, 2));
    }

    @Test
    void aScheduleNeedsAPositiveBaseNoLargerThanTheMaximum() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofMinutes(2), Duration.ofMinutes(1)));
    }
}
