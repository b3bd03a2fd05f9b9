package kr.civilportal.launcher.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import kr.civilportal.launcher.drill.SiteLossReport.ServiceRecovery;
import org.junit.jupiter.api.Test;

/** How a drill's measurements are judged against the objectives (the judging alone; the drill is a system test). */
class SiteLossReportTest {

    static final RecoveryObjectives OBJECTIVES = RecoveryObjectives.LOCAL_DRILL;

    static ServiceRecovery back(String service, double rtoSeconds, int acknowledged, int lost, double oldestLostSeconds) {
        return new ServiceRecovery(service, true, seconds(rtoSeconds), acknowledged, lost, seconds(oldestLostSeconds));
    }

    static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    @Test
    void aDrillWithinEveryObjectiveMissesNone() {
        SiteLossReport report = new SiteLossReport(List.of(
                back("emergency-report", 4.7, 244, 0, 0),
                back("residency", 23.3, 147, 2, 0.4),
                back("land-registry", 25.9, -1, 0, 0)), 3);

        assertEquals(List.of(), report.missedObjectives(OBJECTIVES));
    }

    @Test
    void oneLost119ReportIsMissedEvenWhenItWasTheLastAcknowledged() {
        SiteLossReport report = new SiteLossReport(List.of(back("emergency-report", 4.7, 244, 1, 0.01)), 0);

        assertEquals(List.of("1 acknowledged 119 reports lost"), report.missedObjectives(OBJECTIVES));
    }

    @Test
    void slowRecoveriesAndOldLossesAreMissed() {
        SiteLossReport report = new SiteLossReport(List.of(
                back("emergency-report", 61, 10, 0, 0),
                back("passport", 301, 10, 1, 121),
                new ServiceRecovery("residency", false, seconds(300), 10, 0, Duration.ZERO)), 0);

        List<String> missed = report.missedObjectives(OBJECTIVES);

        assertEquals(4, missed.size(), missed.toString());
        assertTrue(missed.get(0).startsWith("119 accepted reports again after 61.0 s"), missed.get(0));
        assertTrue(missed.get(1).startsWith("passport answered again after 301.0 s"), missed.get(1));
        assertTrue(missed.get(2).startsWith("passport lost a write acknowledged 121.0 s before the loss"), missed.get(2));
        assertTrue(missed.get(3).startsWith("residency did not answer again"), missed.get(3));
    }

    @Test
    void theTableSaysWhatWasReadOnlyAndWhatNeverCameBack() {
        SiteLossReport report = new SiteLossReport(List.of(
                back("land-registry", 25.9, -1, 0, 0),
                new ServiceRecovery("passport", false, seconds(300), 12, 3, seconds(1.5))), 2);

        List<String> table = report.table();

        assertTrue(table.get(1).matches("land-registry\\s+25\\.9\\s+\\(reads\\)\\s+-\\s+-"), table.get(1));
        assertTrue(table.get(2).matches("passport\\s+not back\\s+12\\s+3\\s+1\\.5"), table.get(2));
        assertTrue(table.get(3).endsWith(": 2"), table.get(3));
    }
}
