package kr.civilportal.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The second site's PostgreSQL (제2센터): a hot standby fed by streaming replication from the primary, the same
 * embedded binaries, promoted when the first site is lost.
 *
 * <p>Commits to the databases named synchronous (the 119 reports and the gateway's journal of reports held for
 * it) are acknowledged only once the standby has them on disk: losing the first site loses none of them. Every
 * other database commits at once and is shipped a moment later (asynchronous): its loss on a site failure is
 * what was in flight, its RPO. A database created later is synchronous until named otherwise (the safe default).
 * The price of synchronous commits: while the standby is away, 119 commits wait for it (production lets them
 * go on alone after a while; see docs/operations.md).
 *
 * <p>The zonky binaries have no {@code pg_basebackup}, so the base backup is taken as PostgreSQL documents for a
 * copy by hand: {@code pg_backup_start}, a file copy, {@code pg_backup_stop}, whose label file goes into the copy.
 * The WAL from the backup's start on comes by streaming, kept for the standby by a replication slot made first.
 */
public final class DatabaseStandby implements AutoCloseable {

    /** The standby's name on the primary: its replication slot and its {@code application_name}. */
    public static final String NAME = "second_site";
    /**
     * What a base backup leaves out (PostgreSQL's "Backing Up the Data Directory"): the running server's own files,
     * and directories whose contents are rebuilt at start (kept, empty). The WAL comes by streaming.
     */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "backup_label", "tablespace_map", "standby.signal", "recovery.signal");
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp",
            "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

    private final EmbeddedPostgres postgres;
    private final DatabaseServer primary;
    private final int port;

    private DatabaseStandby(EmbeddedPostgres postgres, DatabaseServer primary) {
        this.postgres = postgres;
        this.primary = primary;
        this.port = postgres.getPort();
    }

    /**
     * Makes a standby of {@code primary} in {@code dataDir} (wiped first) on {@code port} (0 = any free port), waits until it streams,
     * then makes commits to {@code synchronous} databases wait for it and every other database's not.
     */
    public static DatabaseStandby start(DatabaseServer primary, Path dataDir, int port, Set<String> synchronous,
                                        Duration timeout) {
        try {
            deleteTree(dataDir);
            Files.createDirectories(dataDir);
            // PostgreSQL refuses a data directory others may read.
            Files.setPosixFilePermissions(dataDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            try (Connection c = primary.superuser("postgres"); Statement s = c.createStatement()) {
                dropSlot(c);
                s.execute("SELECT pg_create_physical_replication_slot('" + NAME + "', true)");
                // A non-exclusive backup lives as long as this session: start, copy, stop, all on this connection.
                s.execute("SELECT pg_backup_start('" + NAME + "', true)");
                copyDataDirectory(primary.dataDirectory(), dataDir);
                try (ResultSet r = s.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                    r.next();
                    Files.writeString(dataDir.resolve("backup_label"), r.getString(1), StandardCharsets.UTF_8);
                }
            }
            Files.writeString(dataDir.resolve("standby.signal"), "");
            // Later lines win: whatever the primary had set for its own standby does not apply to this one.
            Files.writeString(dataDir.resolve("postgresql.auto.conf"), String.join("\n",
                    "",
                    "# Written by the portal launcher: this cluster is the second site's standby.",
                    "primary_conninfo = 'host=127.0.0.1 port=" + primary.port() + " user=postgres application_name="
                            + NAME + "'",
                    "primary_slot_name = '" + NAME + "'",
                    "hot_standby = on",
                    "synchronous_standby_names = ''",
                    ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            // Not clean: the copy is the cluster (zonky runs no initdb over an existing postgresql.conf).
            EmbeddedPostgres postgres = DatabaseServer.builder(dataDir, port, false).start();
            DatabaseStandby standby = new DatabaseStandby(postgres, primary);
            DatabaseServer.stopOnExit(standby);
            standby.awaitStreaming(timeout);
            standby.makeCommitsWait(synchronous);
            return standby;
        } catch (IOException e) {
            throw new UncheckedIOException("The standby in " + dataDir + " did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("The standby in " + dataDir + " could not be made", e);
        }
    }

    /**
     * Forgets a second site the primary had on an earlier run: no commit waits for a standby that is not there, and
     * no replication slot keeps WAL for it. Safe to call on every start of a portal with one site.
     */
    static void forget(DatabaseServer primary) {
        try (Connection c = primary.superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM RESET synchronous_standby_names");
            s.execute("SELECT pg_reload_conf()");
            dropSlot(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not forget the second site", e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    /** Whether this cluster still follows the primary (false once promoted). */
    public boolean inRecovery() {
        try (Connection c = superuser("postgres"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_is_in_recovery()")) {
            r.next();
            return r.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not ask the standby", e);
        }
    }

    /**
     * Promotes the standby to a primary that takes writes (the runbook's step for a lost first site), waiting
     * at most {@code timeout} for the promotion to end.
     */
    public void promote(Duration timeout) {
        try (Connection c = superuser("postgres");
             PreparedStatement s = c.prepareStatement("SELECT pg_promote(true, ?)")) {
            s.setInt(1, (int) Math.max(1, timeout.toSeconds()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (!r.getBoolean(1)) {
                    throw new IllegalStateException("The standby was not promoted within " + timeout);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not promote the standby", e);
        }
    }

    private void awaitStreaming(Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Connection c = primary.superuser("postgres");
                 PreparedStatement q = c.prepareStatement(
                         "SELECT state FROM pg_stat_replication WHERE application_name = ?")) {
                q.setString(1, NAME);
                try (ResultSet r = q.executeQuery()) {
                    if (r.next() && "streaming".equals(r.getString(1))) {
                        return;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The standby on port " + port + " did not stream within " + timeout);
            }
            pollPause();
        }
    }

    private void makeCommitsWait(Set<String> synchronous) throws SQLException {
        try (Connection c = primary.superuser("postgres"); Statement s = c.createStatement()) {
            List<String> databases = new ArrayList<>();
            try (ResultSet r = s.executeQuery(
                    "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres'")) {
                while (r.next()) {
                    databases.add(r.getString(1));
                }
            }
            for (String database : databases) {
                // "on": the commit returns once the standby has flushed it to its disk.
                s.execute("ALTER DATABASE \"" + database + "\" SET synchronous_commit = "
                        + (synchronous.contains(database) ? "on" : "local"));
            }
            s.execute("ALTER SYSTEM SET synchronous_standby_names = '\"" + NAME + "\"'");
            s.execute("SELECT pg_reload_conf()");
        }
    }

    private static void dropSlot(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ? AND NOT active")) {
            q.setString(1, NAME);
            q.execute();
        }
    }

    private static void copyDataDirectory(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                if (!dir.equals(from) && EMPTIED_DIRECTORIES.contains(from.relativize(dir).toString())) {
                    if (dir.getFileName().toString().equals("pg_wal")) {
                        Files.createDirectories(target.resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (SKIPPED_FILES.contains(name) || name.equals("pg_internal.init")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()));
                } catch (NoSuchFileException gone) {
                    // Dropped by the running server while the copy went on (a temporary file): the WAL replays it.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Between two polls of the primary's replication state (waiting on a condition, not a fixed sleep). */
    private static void pollPause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the standby", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
