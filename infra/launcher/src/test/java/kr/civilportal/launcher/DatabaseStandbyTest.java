package kr.civilportal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second site's PostgreSQL: a real primary and a real standby streaming from it. The 119
 * database commits synchronously, another service's asynchronously; then the first site is killed with SIGKILL
 * while both write, the standby is promoted, and every acknowledged 119 report must be there. Prints
 * {@code [second-site]} lines with what was lost per database and how long the promotion took.
 */
class DatabaseStandbyTest {

    static final Duration TIMEOUT = Duration.ofMinutes(2);
    static final String REPORTS = "emergency";
    static final String RECORDS = "residency";
    /** Acknowledged rows per database before the first site is lost: the kill falls in the middle of writing. */
    static final int ACKNOWLEDGED_BEFORE_LOSS = 300;

    @TempDir
    Path dir;
    DatabaseServer primary;
    DatabaseStandby standby;
    /** Its own threads: the common pool has one thread on a 2-core machine, which a waiting commit would hold. */
    final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void startFirstSite() throws SQLException {
        primary = DatabaseServer.start(dir.resolve("site-a"), 0, true);
        for (String database : List.of(REPORTS, RECORDS)) {
            primary.ensureDatabase(database, database + "-dev");
            try (Connection c = connect(primary.jdbcUrl(database), database); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE writes (id bigint PRIMARY KEY, payload text NOT NULL)");
            }
        }
    }

    @AfterEach
    void stopBothSites() {
        threads.shutdownNow();
        if (standby != null) {
            standby.close();
        }
        primary.close();
    }

    static Connection connect(String url, String role) throws SQLException {
        return DriverManager.getConnection(url, role, role + "-dev");
    }

    static void insert(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO writes (id, payload) VALUES (?, ?)")) {
            s.setLong(1, id);
            s.setString(2, "신고 " + id);
            s.executeUpdate();
        }
    }

    static Set<Long> ids(Connection c) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id FROM writes")) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }

    /** Waits until a backend of {@code database} on the primary waits for the standby to confirm its commit. */
    void awaitCommitWaitingForStandby(String database) throws SQLException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (Connection c = primary.superuser("postgres");
             PreparedStatement q = c.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND wait_event = 'SyncRep'")) {
            q.setString(1, database);
            while (true) {
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    if (r.getInt(1) > 0) {
                        return;
                    }
                }
                assertTrue(System.nanoTime() < deadline, "no commit of " + database + " waited for the standby");
                pollPause();
            }
        }
    }

    @Test
    void a119CommitIsAcknowledgedOnlyOnceTheSecondSiteHasIt() throws Exception {
        standby = DatabaseStandby.start(primary, dir.resolve("site-b"), 0, Set.of(REPORTS), TIMEOUT);
        try (Connection reports = connect(primary.jdbcUrl(REPORTS), REPORTS);
             Connection records = connect(primary.jdbcUrl(RECORDS), RECORDS)) {
            insert(reports, 1);
            try (Connection onB = standby.superuser(REPORTS)) {
                assertEquals(Set.of(1L), ids(onB), "an acknowledged 119 commit is on the second site at once");
            }

            standby.close();
            standby = null;
            CompletableFuture<Void> report = CompletableFuture.runAsync(() -> {
                try {
                    insert(reports, 2);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, threads);
            awaitCommitWaitingForStandby(REPORTS);
            // Another service's commit goes through meanwhile (bounded: were it synchronous too, it would wait).
            CompletableFuture.runAsync(() -> {
                try {
                    insert(records, 1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, threads).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertFalse(report.isDone(), "a 119 commit was acknowledged with the second site away");

            // The operator's choice when the second site stays away: the first site goes on alone.
            DatabaseStandby.forget(primary);
            report.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(Set.of(1L, 2L), ids(reports));
        }
    }

    @Test
    void losingTheFirstSiteLosesNoAcknowledged119Report() throws Exception {
        standby = DatabaseStandby.start(primary, dir.resolve("site-b"), 0, Set.of(REPORTS), TIMEOUT);
        Writer reports = new Writer(primary.jdbcUrl(REPORTS), REPORTS);
        Writer records = new Writer(primary.jdbcUrl(RECORDS), RECORDS);
        reports.start();
        records.start();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (reports.acknowledged.size() < ACKNOWLEDGED_BEFORE_LOSS
                || records.acknowledged.size() < ACKNOWLEDGED_BEFORE_LOSS) {
            assertTrue(System.nanoTime() < deadline, "the writers did not get going: " + reports.acknowledged.size()
                    + " / " + records.acknowledged.size());
            assertTrue(reports.isAlive() && records.isAlive(), "a writer failed before the loss");
            pollPause();
        }

        primary.killAtOnce();
        reports.join(TIMEOUT.toMillis());
        records.join(TIMEOUT.toMillis());
        long promotionStarted = System.nanoTime();
        standby.promote(TIMEOUT);
        long promotionMillis = (System.nanoTime() - promotionStarted) / 1_000_000;
        assertFalse(standby.inRecovery(), "the second site takes writes");

        Set<Long> reportsOnB;
        Set<Long> recordsOnB;
        try (Connection c = standby.superuser(REPORTS)) {
            reportsOnB = ids(c);
            insert(c, -1);
        }
        try (Connection c = standby.superuser(RECORDS)) {
            recordsOnB = ids(c);
        }
        Set<Long> lostReports = reports.missingFrom(reportsOnB);
        Set<Long> lostRecords = records.missingFrom(recordsOnB);
        System.out.printf("[second-site] %s (synchronous): %d acknowledged, %d lost; %s (asynchronous): %d acknowledged,"
                        + " %d lost; promotion %d ms%n", REPORTS, reports.acknowledged.size(), lostReports.size(), RECORDS,
                records.acknowledged.size(), lostRecords.size(), promotionMillis);
        assertEquals(Set.of(), lostReports, "acknowledged 119 reports missing on the second site");
        assertTrue(reports.failure != null && records.failure != null, "both writers saw the first site go");
    }

    /** Writes rows one commit at a time until the server is gone; remembers each row whose commit came back. */
    static final class Writer extends Thread {
        final String url;
        final String role;
        final ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        volatile SQLException failure;

        Writer(String url, String role) {
            super("writer-" + role);
            this.url = url;
            this.role = role;
        }

        @Override
        public void run() {
            try (Connection c = connect(url, role)) {
                for (long id = 1; ; id++) {
                    insert(c, id);
                    acknowledged.add(id);
                }
            } catch (SQLException e) {
                failure = e;
            }
        }

        Set<Long> missingFrom(Set<Long> present) {
            Set<Long> missing = new HashSet<>(acknowledged);
            missing.removeAll(present);
            return missing;
        }
    }

    static void pollPause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
