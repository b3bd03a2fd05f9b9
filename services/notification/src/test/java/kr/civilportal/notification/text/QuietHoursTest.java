package kr.civilportal.notification.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 방해 금지 21:00–08:00 in Korea, across midnight; plain Java. */
class QuietHoursTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private final QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), SEOUL);

    private static Instant seoul(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SEOUL).toInstant();
    }

    @Test
    void theDayIsNotQuiet() {
        assertTrue(night.holdUntil(seoul("2026-12-07T08:00")).isEmpty(), "the end itself is no longer quiet");
        assertTrue(night.holdUntil(seoul("2026-12-07T14:30")).isEmpty());
        assertTrue(night.holdUntil(seoul("2026-12-07T20:59:59")).isEmpty());
    }

    @Test
    void theEveningWaitsForTheNextMorning() {
        assertEquals(Optional.of(seoul("2026-12-08T08:00")), night.holdUntil(seoul("2026-12-07T21:00")));
        assertEquals(Optional.of(seoul("2026-12-08T08:00")), night.holdUntil(seoul("2026-12-07T23:59:59")));
    }

    @Test
    void afterMidnightWaitsForTheSameMorning() {
        assertEquals(Optional.of(seoul("2026-12-08T08:00")), night.holdUntil(seoul("2026-12-08T00:00")));
        assertEquals(Optional.of(seoul("2026-12-08T08:00")), night.holdUntil(seoul("2026-12-08T07:59")));
    }

    @Test
    void koreanTimeDecidesNotUtc() {
        // 13:00 UTC is 22:00 in Seoul
        assertEquals(Optional.of(Instant.parse("2026-12-07T23:00:00Z")),
                night.holdUntil(Instant.parse("2026-12-07T13:00:00Z")));
        assertTrue(night.holdUntil(Instant.parse("2026-12-07T05:00:00Z")).isEmpty(), "14:00 in Seoul");
    }

    @Test
    void quietHoursWithinOneDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), SEOUL);
        assertEquals(Optional.of(seoul("2026-12-07T13:00")), lunch.holdUntil(seoul("2026-12-07T12:30")));
        assertTrue(lunch.holdUntil(seoul("2026-12-07T13:00")).isEmpty());
        assertTrue(lunch.holdUntil(seoul("2026-12-07T11:59")).isEmpty());
    }

    @Test
    void anEmptyPeriodIsAMistake() {
        assertThrows(IllegalArgumentException.class,
                () -> new QuietHours(LocalTime.of(21, 0), LocalTime.of(21, 0), SEOUL));
    }
}
