package kr.civilportal.notification.delivery;

import java.time.Duration;

/**
 * Exponential backoff between e-mail attempts: after the n-th failed attempt, {@code initial * 2^(n-1)}, at most
 * {@code max}. Plain Java, unit-tested on its own.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < initial <= max");
        }
    }

    /** The pause after {@code failedAttempts} (1 or more) failed attempts. */
    public Duration after(int failedAttempts) {
        int doublings = Math.max(0, failedAttempts - 1);
        if (doublings >= 62) {
            return max;
        }
        long factor = 1L << doublings;
        long initialMillis = initial.toMillis();
        if (initialMillis > max.toMillis() / factor) {
            return max;
        }
        return Duration.ofMillis(initialMillis * factor);
    }
}
