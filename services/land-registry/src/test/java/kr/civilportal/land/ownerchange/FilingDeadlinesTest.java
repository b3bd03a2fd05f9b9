package kr.civilportal.land.ownerchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import kr.civilportal.common.time.WorkingDays;
import org.junit.jupiter.api.Test;

class FilingDeadlinesTest {

    private static final WorkingDays CHRISTMAS_2026 = WorkingDays.parse("2026-12-25,2027-01-01");
    private final FilingDeadlines sevenDays = new FilingDeadlines(7, CHRISTMAS_2026);

    @Test
    void theDayOfReceiptCountsAndWeekendsAndHolidaysDoNot() {
        // Received Monday 12/21 at 10:00 in Korea: 21, 22, 23, 24, (25 성탄절, 26-27 weekend) 28, 29, 30.
        assertEquals(LocalDate.of(2026, 12, 30), sevenDays.dueOn(Instant.parse("2026-12-21T01:00:00Z")));
    }

    @Test
    void theDayIsKoreas() {
        // 23:30 UTC on Sunday 12/20 is 08:30 on Monday 12/21 in Korea: received on the Monday.
        assertEquals(LocalDate.of(2026, 12, 30), sevenDays.dueOn(Instant.parse("2026-12-20T23:30:00Z")));
        // Received on a Saturday: counting starts on Monday 12/7 → Tuesday 12/15.
        assertEquals(LocalDate.of(2026, 12, 15), sevenDays.dueOn(Instant.parse("2026-12-05T03:00:00Z")));
    }

    @Test
    void overdueOnceTheDeadlinesDayHasEndedInKorea() {
        LocalDate due = LocalDate.of(2026, 12, 15);
        assertFalse(FilingDeadlines.overdue(due, Instant.parse("2026-12-15T14:59:59Z")), "23:59:59 on the day, KST");
        assertTrue(FilingDeadlines.overdue(due, Instant.parse("2026-12-15T15:00:00Z")), "midnight after it, KST");
    }

    @Test
    void aPeriodCountedInHoursIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FilingDeadlines(5, CHRISTMAS_2026));
    }
}
