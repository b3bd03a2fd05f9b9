package kr.civilportal.residency.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.common.time.WorkingDays;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.junit.jupiter.api.Test;

/**
 * The move-in deadlines count in the portal's one calendar: {@code portal.public-holidays} from portal-common's
 * {@code META-INF/microprofile-config.properties} (a default source, ordinal 100), not a list of this service's own.
 */
@QuarkusTest
class WorkingDaysConfigTest {

    @Inject
    MoveInDeadlines deadlines;

    @Test
    void theDeadlinesCountInThePortalsPublicHolidays() {
        ConfigValue holidays = ConfigProvider.getConfig().getConfigValue(WorkingDays.SETTING);
        assertEquals(100, holidays.getSourceOrdinal(), holidays.getSourceName());
        assertTrue(holidays.getSourceName().contains("microprofile-config.properties"), holidays.getSourceName());
        assertEquals(WorkingDays.parse(holidays.getValue()), deadlines.calendar());
        assertFalse(deadlines.calendar().isWorkingDay(LocalDate.of(2026, 9, 24)), "추석");
        assertTrue(deadlines.calendar().holidaysListedFor(LocalDate.of(2027, 6, 1)));
        // Wednesday 2026-09-23 at 10:30, the day before 추석 (Sep 24-25, then a weekend): 1.5 h before lunch and 5 h
        // after that day, 1.5 h on Monday Sep 28.
        Instant received = LocalDate.of(2026, 9, 23).atTime(10, 30).atZone(KoreanTime.ZONE).toInstant();
        assertEquals(OffsetDateTime.parse("2026-09-28T10:30+09:00"), deadlines.dueAt(received));
    }
}
