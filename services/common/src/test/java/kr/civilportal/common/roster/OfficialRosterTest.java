package kr.civilportal.common.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The roster on a real PostgreSQL: who is offered as a colleague of an office, and when an entry is written. */
class OfficialRosterTest {

    private static final Duration ACTIVE = Duration.ofDays(30);
    private static final Duration REFRESH = Duration.ofHours(1);
    private static final Instant MONDAY = Instant.parse("2026-12-07T00:00:00Z");
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(120)).start();
        try (InputStream ddl = OfficialRoster.class.getResourceAsStream("official_roster.sql");
             Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void emptyRoster() throws SQLException {
        try (Connection c = db().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE official_roster");
        }
    }

    private static DataSource db() {
        return postgres.getPostgresDatabase();
    }

    private static OfficialRoster rosterAt(Instant now) {
        return new OfficialRoster(db(), Clock.fixed(now, ZoneOffset.UTC), ACTIVE, REFRESH);
    }

    @Test
    void colleaguesAreTheActiveOfficialsOfTheOffice() {
        OfficialRoster roster = rosterAt(MONDAY);
        roster.present("s-kim", "kim", Set.of("SEOUL-JONGNO"));
        roster.present("s-lee", "lee", Set.of("SEOUL-JONGNO", "SEOUL-GANGNAM"));
        roster.present("s-park", "park", Set.of("SEOUL-GANGNAM"));

        assertEquals(List.of("kim", "lee"), names(roster.workingFor("SEOUL-JONGNO")));
        assertEquals(List.of("lee", "park"), names(roster.workingFor("SEOUL-GANGNAM")));
        assertEquals(List.of(), names(roster.workingFor("BUSAN-JUNG")));
        assertEquals(List.of("kim", "lee", "park"), names(roster.workingFor(null)), "a case of no office: everyone's");
    }

    @Test
    void anOfficialNotSeenForAMonthIsNoLongerOffered() {
        rosterAt(MONDAY).present("s-kim", "kim", Set.of("SEOUL-JONGNO"));
        OfficialRoster later = rosterAt(MONDAY.plus(ACTIVE).plusSeconds(1));

        assertEquals(List.of(), later.workingFor("SEOUL-JONGNO"));
        assertTrue(later.active("s-kim").isEmpty());
        assertTrue(rosterAt(MONDAY.plus(ACTIVE).minusSeconds(1)).active("s-kim").isPresent());
    }

    @Test
    void lapsedEntriesAreForgottenAndActiveOnesKept() {
        rosterAt(MONDAY).present("s-kim", "kim", Set.of("SEOUL-JONGNO"));
        rosterAt(MONDAY.plus(Duration.ofDays(20))).present("s-lee", "lee", Set.of("SEOUL-JONGNO"));
        OfficialRoster later = rosterAt(MONDAY.plus(ACTIVE).plusSeconds(1));

        assertEquals(1, later.forgetInactive());
        assertEquals(List.of("lee"), names(later.workingFor(null)));
        assertEquals(0, later.forgetInactive(), "a repeat (another replica's) deletes nothing more");
    }

    @Test
    void aMoveToAnotherOfficeIsLearntFromTheNextToken() {
        OfficialRoster roster = rosterAt(MONDAY);
        roster.present("s-kim", "kim", Set.of("SEOUL-JONGNO"));
        roster.present("s-kim", "kim", Set.of("SEOUL-GANGNAM"));

        assertEquals(List.of(), roster.workingFor("SEOUL-JONGNO"));
        assertEquals(Set.of("SEOUL-GANGNAM"), roster.active("s-kim").orElseThrow().offices());
    }

    @Test
    void anUnchangedOfficialIsWrittenAtMostOncePerRefreshPeriod() throws SQLException {
        OfficialRoster roster = rosterAt(MONDAY);
        roster.present("s-kim", "kim", Set.of("SEOUL-JONGNO"));
        try (Connection c = db().getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE official_roster SET last_seen = '2026-12-06T00:00:00Z'");
        }
        roster.present("s-kim", "kim", Set.of("SEOUL-JONGNO"));
        assertEquals(Instant.parse("2026-12-06T00:00:00Z"), lastSeen("s-kim"), "not written again within the hour");
    }

    @Test
    void anEntryIsNeverMovedBackInTime() throws SQLException {
        rosterAt(MONDAY).present("s-kim", "kim", Set.of("SEOUL-JONGNO"));
        rosterAt(MONDAY.minusSeconds(60)).present("s-kim", "kim", Set.of("SEOUL-JONGNO"));
        assertEquals(MONDAY, lastSeen("s-kim"), "a replica whose clock is behind does not age an entry");
    }

    @Test
    void aWriteTheDatabaseRefusesNeverFailsTheOfficialsRequestAndIsTriedAgain() {
        OfficialRoster roster = rosterAt(MONDAY);
        String tooLong = "k".repeat(101);
        roster.present("s-kim", tooLong, Set.of("SEOUL-JONGNO"));
        assertTrue(roster.active("s-kim").isEmpty(), "nothing entered");
        roster.present("s-kim", "kim", Set.of("SEOUL-JONGNO"));
        assertEquals("kim", roster.active("s-kim").orElseThrow().userName(), "the next request enters them");
    }

    @Test
    void refreshMustComeBeforeAnEntryStopsBeingActive() {
        assertThrows(IllegalArgumentException.class,
                () -> new OfficialRoster(db(), Clock.systemUTC(), Duration.ofHours(1), Duration.ofHours(1)));
    }

    private static Instant lastSeen(String subject) throws SQLException {
        try (Connection c = db().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT last_seen FROM official_roster WHERE subject = '" + subject + "'")) {
            r.next();
            return r.getTimestamp(1).toInstant();
        }
    }

    private static List<String> names(List<OfficialRoster.Official> officials) {
        return officials.stream().map(OfficialRoster.Official::userName).toList();
    }
}
