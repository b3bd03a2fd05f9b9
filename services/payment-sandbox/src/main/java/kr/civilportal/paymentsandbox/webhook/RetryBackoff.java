package kr.civilportal.paymentsandbox.webhook;

import java.time.Duration;

/**
 * When to try an undelivered event again: {@code first} after the first failure, doubling after each further one,
 * never more than {@code max} (1 s, 2 s, 4 s, ... 5 min): a receiver that is down for a moment gets the event soon
 * after it is back, one that is down for hours is not hammered.
 */
public record RetryBackoff(Duration first, Duration max) {

    public RetryBackoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("first must be positive and at most max");
        }
    }

    /** The pause after {@code failures} failed attempts (1 or more). */
    public Duration after(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
        Duration delay = first;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
