package kr.civilportal.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kr.civilportal.launcher.DatabaseServer;

/**
 * A real PostgreSQL server for a service's {@code @QuarkusTest}s, started from the zonky Maven artifacts
 * (no Docker), with the service's own database and login role, exactly as the launcher prepares them.
 * Init arg {@code database}: the database and role name (e.g. {@code residency}).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String PASSWORD = "test-password";

    private DatabaseServer server;
    private Path dataDir;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "portal");
    }

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("portal-test-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = DatabaseServer.start(dataDir, FreePort.belowEphemeralRange(), true);
        server.ensureDatabase(database, PASSWORD);
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", PASSWORD);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
