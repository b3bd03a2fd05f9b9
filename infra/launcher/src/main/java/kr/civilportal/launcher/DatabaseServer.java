package kr.civilportal.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from the zonky Maven artifacts, with one database and one login role per service.
 * Each role owns its database and nobody else may connect to it; roles log in with a password (scram), only
 * the launcher's superuser is trusted, and only on loopback.
 */
public final class DatabaseServer implements AutoCloseable {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Path dataDir;
    private final boolean clean;
    /** Killed by {@link #killAtOnce()}: nothing is left to stop. */
    private volatile boolean killed;

    private DatabaseServer(EmbeddedPostgres postgres, Path dataDir, boolean clean) {
        this.postgres = postgres;
        this.port = postgres.getPort();
        this.dataDir = dataDir;
        this.clean = clean;
    }

    /**
     * Starts on {@code port} (0 = any free port) with data in {@code dataDir}; {@code clean} wipes it first,
     * otherwise an existing cluster is reused with its data.
     */
    public static DatabaseServer start(Path dataDir, int port, boolean clean) {
        try {
            Files.createDirectories(dataDir);
            DatabaseServer server = new DatabaseServer(builder(dataDir, port, clean).start(), dataDir, clean);
            stopOnExit(server);
            server.requirePasswords(dataDir);
            DatabaseStandby.forget(server);
            return server;
        } catch (IOException e) {
            // The cause's message in ours: a test report shows only the first line.
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDir + " on port " + port + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * How every PostgreSQL of the portal runs, the first site's and the second's alike: loopback only, enough
     * connections for every app's pool, scram passwords. {@code port} 0 = any free port.
     */
    static EmbeddedPostgres.Builder builder(Path dataDir, int port, boolean clean) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(clean)
                .setPGStartupWait(STARTUP_WAIT)
                // Our own hook (stopOnExit), which knows a killed server has nothing left to stop.
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                .setServerConfig("password_encryption", "scram-sha-256");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    /** Stops a server the JVM leaves running (a crashed test, Ctrl-C during a start); closing twice is harmless. */
    static void stopOnExit(AutoCloseable server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop: " + e);
            }
        }, "postgres-stop-on-exit"));
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDir;
    }

    /**
     * Kills the server at once (SIGKILL to the postmaster; its backends end when they see it gone), as a site's
     * loss would: nothing is flushed or handed over. For the site-loss drill.
     */
    public void killAtOnce() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL " + pid + " is not running"));
            killed = true;
            postmaster.destroyForcibly();
            postmaster.onExit().get(STARTUP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL in " + dataDir + " did not die", e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Creates (or updates) the role and its database; safe to call on every start. */
    public void ensureDatabase(String name, String password) {
        ServiceDatabase.ensure(this::superuser, name, password);
    }

    /** Drops a service's database (for tests that need a fresh one); the role stays. */
    public void dropDatabase(String name) {
        requireIdentifier(name);
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + name, e);
        }
    }

    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    private void requirePasswords(Path dataDir) throws IOException {
        String hba = """
                # Written by the portal launcher on every start.
                # The launcher's superuser is trusted on this machine only; service roles need their password.
                local   all  postgres                trust
                host    all  postgres  127.0.0.1/32  trust
                host    all  postgres  ::1/128       trust
                # A second site's standby streams as the superuser, from this machine only (DatabaseStandby).
                host    replication  postgres  127.0.0.1/32  trust
                host    all  all       127.0.0.1/32  scram-sha-256
                host    all  all       ::1/128       scram-sha-256
                """;
        Files.writeString(dataDir.resolve("pg_hba.conf"), hba, StandardCharsets.UTF_8);
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reload pg_hba.conf", e);
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain identifier: " + name);
        }
    }

    @Override
    public void close() {
        if (killed) {
            // zonky's close would run pg_ctl stop on the dead server and log its failure with a stack trace; its
            // lock on the data folder goes with this JVM. A throw-away folder is removed as zonky would.
            if (clean && Files.exists(dataDir)) {
                deleteTree(dataDir);
            }
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + dir, e);
        }
    }
}
