package kr.civilportal.passport.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the background job asks residency again about a pending check: after {@code base}, doubling with each
 * failed attempt, never more than {@code max} apart. Residency back after an hour's outage is noticed within
 * {@code max}, and a long outage costs one call per application per {@code max}, not a storm.
 */
public record RetrySchedule(Duration base, Duration max) {

    public RetrySchedule {
        Objects.requireNonNull(base);
        Objects.requireNonNull(max);
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("Need 0 < base <= max");
        }
    }

    /** The wait after the given number of failed attempts (1 = the first failure). */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            return Duration.ZERO;
        }
        // Shift no further than max needs, so the doubling cannot overflow.
        int doublings = Math.min(failedAttempts - 1, 62);
        long millis = base.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    public Instant nextAttempt(Instant now, int failedAttempts) {
        return now.plus(delayAfter(failedAttempts));
    }
}
