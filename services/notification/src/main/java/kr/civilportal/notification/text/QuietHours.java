package kr.civilportal.notification.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * 방해 금지 (quiet hours): from {@code from} to {@code until} on the clock of {@code zone}, across midnight when
 * {@code until} is not after {@code from} (21:00–08:00). A text due inside them waits for their end. Plain Java.
 */
public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

    public QuietHours {
        if (from.equals(until)) {
            throw new IllegalArgumentException("Quiet hours need a beginning different from their end");
        }
    }

    /** When a text due at {@code now} may go: empty if now is outside the quiet hours, else their end. */
    public Optional<Instant> holdUntil(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        boolean wraps = until.isBefore(from);
        if (wraps) {
            if (!time.isBefore(from)) {
                return Optional.of(day.plusDays(1).atTime(until).atZone(zone).toInstant());
            }
            if (time.isBefore(until)) {
                return Optional.of(day.atTime(until).atZone(zone).toInstant());
            }
            return Optional.empty();
        }
        if (!time.isBefore(from) && time.isBefore(until)) {
            return Optional.of(day.atTime(until).atZone(zone).toInstant());
        }
        return Optional.empty();
    }
}
