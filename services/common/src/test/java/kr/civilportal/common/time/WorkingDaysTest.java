package kr.civilportal.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    /** The list as shipped, so that these cases also check it. */
    private static WorkingDays shipped() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = WorkingDays.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            properties.load(in);
        }
        return WorkingDays.parse(properties.getProperty(WorkingDays.SETTING));
    }

    @Test
    void weekendsAndPublicHolidaysAreNotWorkingDays() throws IOException {
        WorkingDays days = shipped();
        assertTrue(days.isWorkingDay(LocalDate.of(2026, 12, 4)), "a Friday");
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 12, 5)), "a Saturday");
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 12, 6)), "a Sunday");
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 12, 25)), "성탄절, a Friday");
        // 설날 2027 is Sunday 2/7 in Korea (the new moon is 00:56 KST that day): 2/8, and 2/9 for the Sunday.
        assertTrue(days.isWorkingDay(LocalDate.of(2027, 2, 5)), "the Friday before 설날's three days");
        assertFalse(days.isWorkingDay(LocalDate.of(2027, 2, 8)), "the day after 설날");
        assertFalse(days.isWorkingDay(LocalDate.of(2027, 2, 9)), "설날's substitute holiday");
    }

    @Test
    void theNthWorkingDayCountsTheFirstDayAndSkipsHolidays() throws IOException {
        WorkingDays days = shipped();
        assertEquals(LocalDate.of(2026, 12, 21), days.nthWorkingDay(LocalDate.of(2026, 12, 21), 1));
        // Mon 12/21 .. Thu 12/24 are four, 12/25 and the weekend are not: the fifth is Monday 12/28.
        assertEquals(LocalDate.of(2026, 12, 28), days.nthWorkingDay(LocalDate.of(2026, 12, 21), 5));
        // Received on a Saturday: counting starts on Monday.
        assertEquals(LocalDate.of(2026, 12, 7), days.nthWorkingDay(LocalDate.of(2026, 12, 5), 1));
        assertThrows(IllegalArgumentException.class, () -> days.nthWorkingDay(LocalDate.of(2026, 12, 5), 0));
    }

    @Test
    void workingDaysBetweenLeaveTheEndOut() throws IOException {
        WorkingDays days = shipped();
        assertEquals(4, days.workingDaysBetween(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 28)));
        assertEquals(0, days.workingDaysBetween(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));
    }

    @Test
    void aYearWithoutListedHolidaysIsKnown() throws IOException {
        WorkingDays days = shipped();
        assertTrue(days.holidaysListedFor(LocalDate.of(2027, 6, 1)));
        // A year far enough ahead that nobody will have listed it.
        assertFalse(days.holidaysListedFor(LocalDate.of(2100, 6, 1)));
    }

    @Test
    void theSettingIsReadWithSpacesAndTrailingCommas() {
        WorkingDays days = WorkingDays.parse(" 2026-12-25 , 2027-01-01,");
        assertEquals(2, days.publicHolidays().size());
    }
}
