package kr.civilportal.residency.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** "The day before" a deadline is Korea's day, not the server's (UTC). */
class SupplementReminderDayTest {

    @Test
    void justAfterMidnightInKoreaTheDeadlineRemindedOfIsTheDayAfterKoreasToday() {
        // 00:30 on 12-07 in Korea is still 12-06 in UTC: the deadline of 12-08 is reminded of.
        assertEquals(LocalDate.of(2026, 12, 8),
                SupplementReminderJob.deadlineToRemindOf(Instant.parse("2026-12-06T15:30:00Z")));
        // 23:30 on 12-07 in Korea (14:30 UTC): still 12-08's.
        assertEquals(LocalDate.of(2026, 12, 8),
                SupplementReminderJob.deadlineToRemindOf(Instant.parse("2026-12-07T14:30:00Z")));
        // 00:00 on 12-08 in Korea: 12-09's.
        assertEquals(LocalDate.of(2026, 12, 9),
                SupplementReminderJob.deadlineToRemindOf(Instant.parse("2026-12-07T15:00:00Z")));
    }
}
