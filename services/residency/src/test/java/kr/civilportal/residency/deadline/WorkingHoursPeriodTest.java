package kr.civilportal.residency.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import kr.civilportal.common.time.WorkingDays;
import org.junit.jupiter.api.Test;

/** 처리기한 of a one-day period counted in office hours (8), as an officer would count it on the calendar. */
class WorkingHoursPeriodTest {

    static final List<WorkingHoursPeriod.Span> OFFICE_HOURS = List.of(WorkingHoursPeriod.Span.parse("09:00-12:00"),
            WorkingHoursPeriod.Span.parse("13:00-18:00"));
    /** 2026-12-25 (성탄절) is a Friday. */
    static final WorkingHoursPeriod ONE_DAY = new WorkingHoursPeriod(8, OFFICE_HOURS,
            new WorkingDays(Set.of(LocalDate.of(2026, 12, 25))));

    static LocalDateTime at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute);
    }

    @Test
    void aReportReceivedMidMorningIsDueAtTheSameTimeTheNextWorkingDay() {
        // Monday 10:30: 1.5 h before lunch, 5 h after, 1.5 h on Tuesday morning.
        assertEquals(at(12, 8, 10, 30), ONE_DAY.dueAt(at(12, 7, 10, 30)));
    }

    @Test
    void theLunchHourDoesNotCount() {
        // Monday 15:00: 3 h that day, then 5 h on Tuesday: 09:00-12:00 and 13:00-15:00.
        assertEquals(at(12, 8, 15, 0), ONE_DAY.dueAt(at(12, 7, 15, 0)));
        // Received during lunch: counting starts at 13:00 (5 h that day), and Tuesday's morning ends the 8 hours.
        assertEquals(at(12, 8, 12, 0), ONE_DAY.dueAt(at(12, 7, 12, 20)));
    }

    @Test
    void aReportReceivedAfterHoursOrAtTheWeekendCountsFromTheNextOpening() {
        // Monday 20:00 and Tuesday 07:00: the whole of Tuesday.
        assertEquals(at(12, 8, 18, 0), ONE_DAY.dueAt(at(12, 7, 20, 0)));
        assertEquals(at(12, 8, 18, 0), ONE_DAY.dueAt(at(12, 8, 7, 0)));
        // Saturday 5 December: Monday 7 December, end of the day.
        assertEquals(at(12, 7, 18, 0), ONE_DAY.dueAt(at(12, 5, 11, 0)));
        // Friday 16:00: 2 h on Friday, 6 h on Monday (09:00-12:00, 13:00-16:00).
        assertEquals(at(12, 7, 16, 0), ONE_DAY.dueAt(at(12, 4, 16, 0)));
    }

    @Test
    void aPublicHolidayDoesNotCount() {
        // Thursday 24 December 14:00: 4 h on Thursday; Friday 25th is 성탄절; 4 h on Monday 28th ends 14:00.
        assertEquals(at(12, 28, 14, 0), ONE_DAY.dueAt(at(12, 24, 14, 0)));
        assertFalse(ONE_DAY.isWorkingDay(LocalDate.of(2026, 12, 25)));
        assertTrue(ONE_DAY.holidaysListedFor(LocalDate.of(2026, 3, 1)));
        assertFalse(ONE_DAY.holidaysListedFor(LocalDate.of(2027, 3, 1)));
    }

    @Test
    void officeHoursMustBeWellFormed() {
        assertThrows(IllegalArgumentException.class, () -> WorkingHoursPeriod.Span.parse("18:00-09:00"));
        assertThrows(IllegalArgumentException.class, () -> WorkingHoursPeriod.Span.parse("09:00"));
        assertThrows(IllegalArgumentException.class, () -> new WorkingHoursPeriod(8,
                List.of(WorkingHoursPeriod.Span.parse("13:00-18:00"), WorkingHoursPeriod.Span.parse("09:00-12:00")),
                new WorkingDays(Set.of())));
        assertThrows(IllegalArgumentException.class, () -> new WorkingHoursPeriod(0, OFFICE_HOURS, new WorkingDays(Set.of())));
    }

    @Test
    void officeTimeBetweenTwoMomentsCountsOnlyOfficeHoursOfWorkingDays() {
        // Monday 10:30 to Tuesday 10:30: the whole one-day period.
        assertEquals(java.time.Duration.ofHours(8), ONE_DAY.officeTimeBetween(at(12, 7, 10, 30), at(12, 8, 10, 30)));
        // Thursday 24 December 14:00 to Monday 28th 14:00: 4 h + (성탄절, weekend) + 4 h.
        assertEquals(java.time.Duration.ofHours(8), ONE_DAY.officeTimeBetween(at(12, 24, 14, 0), at(12, 28, 14, 0)));
        // Lunch and the night do not count; a moment before another: nothing.
        assertEquals(java.time.Duration.ofMinutes(30), ONE_DAY.officeTimeBetween(at(12, 7, 11, 30), at(12, 7, 13, 0)));
        assertEquals(java.time.Duration.ZERO, ONE_DAY.officeTimeBetween(at(12, 7, 18, 0), at(12, 8, 9, 0)));
        assertEquals(java.time.Duration.ZERO, ONE_DAY.officeTimeBetween(at(12, 8, 10, 0), at(12, 7, 10, 0)));
    }

    @Test
    void aPeriodResumedAfterAPauseKeepsTheOfficeHoursItHadLeft() {
        // 보완 asked Monday 7th at 15:00 of a report due Tuesday 8th at 10:30: 3 h + 1.5 h = 4.5 h left.
        java.time.Duration left = ONE_DAY.officeTimeBetween(at(12, 7, 15, 0), at(12, 8, 10, 30));
        assertEquals(java.time.Duration.ofMinutes(270), left);
        // Answered Thursday 10th at 16:00: 2 h that day, 2.5 h on Friday morning.
        assertEquals(at(12, 11, 11, 30), ONE_DAY.after(at(12, 10, 16, 0), left));
        // Answered on Thursday 24th at 17:00: 1 h, then 성탄절 and the weekend, 3.5 h on Monday 28th.
        assertEquals(at(12, 28, 13, 30), ONE_DAY.after(at(12, 24, 17, 0), left));
        // Nothing left (paused when already overdue): due as the office next opens.
        assertEquals(at(12, 7, 9, 0), ONE_DAY.after(at(12, 5, 12, 0), java.time.Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ONE_DAY.after(at(12, 7, 9, 0), java.time.Duration.ofHours(-1)));
    }
}
