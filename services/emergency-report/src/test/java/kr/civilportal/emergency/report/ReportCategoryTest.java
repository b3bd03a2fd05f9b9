package kr.civilportal.emergency.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportCategoryTest {

    @Test
    void lifeThreateningCategoriesStartMostUrgent() {
        assertEquals(1, ReportCategory.FIRE.initialPriority());
        assertEquals(1, ReportCategory.RESCUE.initialPriority());
        assertEquals(1, ReportCategory.EMERGENCY_MEDICAL.initialPriority());
        assertEquals(2, ReportCategory.DISASTER.initialPriority());
        assertEquals(2, ReportCategory.CRIME_REFERRAL.initialPriority());
        assertEquals(3, ReportCategory.OTHER.initialPriority());
    }

    @Test
    void everyCategoryHasAPriorityTheDatabaseAccepts() {
        for (ReportCategory c : ReportCategory.values()) {
            assertTrue(c.initialPriority() >= ReportCategory.HIGHEST_PRIORITY
                    && c.initialPriority() <= ReportCategory.LOWEST_PRIORITY, c.name());
        }
    }
}
