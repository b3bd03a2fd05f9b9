package kr.civilportal.passport.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Which day is "tomorrow" for a reminder: Korea's, whatever the server's clock zone. */
class ReminderDayTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private final ReminderDay dayBefore = new ReminderDay(SEOUL, 1);

    @Test
    void tomorrowIsKoreasTomorrowNotUtcs() {
        // 2026-12-06 16:30 UTC is already 12-07 01:30 in Korea: its tomorrow is 12-08.
        assertEquals(LocalDate.of(2026, 12, 8), dayBefore.dayToRemindOf(Instant.parse("2026-12-06T16:30:00Z")));
        // 2026-12-06 14:59 UTC is still 12-06 23:59 in Korea: its tomorrow is 12-07.
        assertEquals(LocalDate.of(2026, 12, 7), dayBefore.dayToRemindOf(Instant.parse("2026-12-06T14:59:00Z")));
    }

    @Test
    void aDayRunsFromKoreanMidnightToKoreanMidnight() {
        LocalDate day = LocalDate.of(2026, 12, 8);
        assertEquals(Instant.parse("2026-12-07T15:00:00Z"), dayBefore.startOf(day));
        assertEquals(Instant.parse("2026-12-08T15:00:00Z"), dayBefore.endOf(day));
        assertEquals(Duration.ofDays(1), Duration.between(dayBefore.startOf(day), dayBefore.endOf(day)));
    }

    @Test
    void moreDaysAheadAreCounted() {
        assertEquals(LocalDate.of(2026, 12, 10),
                new ReminderDay(SEOUL, 3).dayToRemindOf(Instant.parse("2026-12-07T03:00:00Z")));
    }

    @Test
    void aReminderOnTheDayItselfIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReminderDay(SEOUL, 0));
    }
}
