package kr.civilportal.land.ownerchange;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The roster table (직원 명부) this service migrates is common's, verbatim: common's {@code OfficialRoster} reads and
 * writes it, so a copy that drifted would fail only when an officer opens their queue.
 */
class OfficialRosterMigrationTest {

    @Test
    void theMigrationCreatesCommonsRosterTableVerbatim() throws IOException {
        String common = text("kr/civilportal/common/roster/official_roster.sql");
        String migration = text("db/migration/V9__owner_change_filing_assignment.sql");
        assertTrue(migration.contains(common.strip()), "V9__owner_change_filing_assignment.sql must contain official_roster.sql as it is");
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = OfficialRosterMigrationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " is on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
