package kr.civilportal.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kr.civilportal.launcher.DatabaseServer;

/**
 * A real PostgreSQL server for a service's {@code @QuarkusTest}s, with the service's own database and login role,
 * exactly as the launcher prepares them: by default started from the zonky Maven artifacts (no Docker), or from
 * the PostgreSQL image through Testcontainers when the tests run on containers ({@link TestInfrastructure}).
 * Init arg {@code database}: the database and role name (e.g. {@code residency}).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String PASSWORD = "test-password";

    private DatabaseServer server;
    private PostgresContainer container;
    private Path dataDir;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "portal");
    }

    @Override
    public Map<String, String> start() {
        if (TestInfrastructure.chosen() == TestInfrastructure.CONTAINERS) {
            container = PostgresContainer.start(TestInfrastructure.image(TestInfrastructure.POSTGRES_IMAGE_PROPERTY));
            container.ensureDatabase(database, PASSWORD);
            return config(container.jdbcUrl(database));
        }
        try {
            dataDir = Files.createTempDirectory("portal-test-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = DatabaseServer.start(dataDir, FreePort.belowEphemeralRange(), true);
        server.ensureDatabase(database, PASSWORD);
        return config(server.jdbcUrl(database));
    }

    private Map<String, String> config(String jdbcUrl) {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", PASSWORD);
    }

    @Override
    public void stop() {
        if (container != null) {
            container.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
