package kr.civilportal.passport.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import kr.civilportal.common.time.WorkingDays;
import org.junit.jupiter.api.Test;

/** 처리기한: eight working days from the day of receipt, weekends and public holidays not counted, 보완 not counted. */
class ProcessingPeriodTest {

    /** 2026 추석 (Sep 24-26) and 개천절's substitute (Oct 5). */
    static final ProcessingPeriod EIGHT_DAYS = new ProcessingPeriod(8, new WorkingDays(Set.of(
            LocalDate.parse("2026-09-24"), LocalDate.parse("2026-09-25"), LocalDate.parse("2026-09-26"),
            LocalDate.parse("2026-10-05"))));

    @Test
    void theDayOfReceiptCountsAndWeekendsDoNot() {
        // Monday Dec 7 counts as day 1: Dec 7-11 (5), Dec 14-16 (3).
        assertEquals(LocalDate.parse("2026-12-16"), EIGHT_DAYS.dueOn(LocalDate.parse("2026-12-07")));
        // Received on a Saturday: counting starts on Monday.
        assertEquals(LocalDate.parse("2026-12-16"), EIGHT_DAYS.dueOn(LocalDate.parse("2026-12-05")));
    }

    @Test
    void publicHolidaysDoNotCount() {
        // Tue Sep 22, Wed 23 (2); Thu 24, Fri 25 추석; Mon 28-Fri Oct 2 (7); Mon Oct 5 substitute; Tue Oct 6 (8).
        assertEquals(LocalDate.parse("2026-10-06"), EIGHT_DAYS.dueOn(LocalDate.parse("2026-09-22")));
    }

    @Test
    void theTimeASupplementTookMovesTheDeadlineOn() {
        LocalDate due = LocalDate.parse("2026-12-16");
        // Asked on Thu Dec 10, answered on Mon Dec 14: Dec 10 and 11 waited, so two more working days.
        assertEquals(LocalDate.parse("2026-12-18"), EIGHT_DAYS.extended(due, LocalDate.parse("2026-12-10"),
                LocalDate.parse("2026-12-14")));
        // Answered the same day: nothing waited.
        assertEquals(due, EIGHT_DAYS.extended(due, LocalDate.parse("2026-12-10"), LocalDate.parse("2026-12-10")));
    }

    @Test
    void aYearWithoutListedHolidaysIsKnownAsSuch() {
        assertTrue(EIGHT_DAYS.holidaysListedFor(LocalDate.parse("2026-01-02")));
        assertFalse(EIGHT_DAYS.holidaysListedFor(LocalDate.parse("2027-01-04")),
                "2027's holidays are not in this period's list: its deadlines there would count them as working days");
    }

    @Test
    void shortPeriodsAreCountedInHoursAndNotModelled() {
        assertThrows(IllegalArgumentException.class, () -> new ProcessingPeriod(5, new WorkingDays(Set.of())));
    }
}
