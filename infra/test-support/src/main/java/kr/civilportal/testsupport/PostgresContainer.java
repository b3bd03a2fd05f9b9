package kr.civilportal.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import kr.civilportal.launcher.ServiceDatabase;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL in a container, prepared as the launcher prepares its own server: the service's login role owns its
 * database and its public schema, and nobody else may connect to it. The superuser stays inside the test.
 */
public final class PostgresContainer implements AutoCloseable {

    private static final String SUPERUSER = "postgres";
    private static final String SUPERUSER_PASSWORD = "test-superuser";

    private final PostgreSQLContainer container;

    private PostgresContainer(PostgreSQLContainer container) {
        this.container = container;
    }

    public static PostgresContainer start(String image) {
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withUsername(SUPERUSER)
                .withPassword(SUPERUSER_PASSWORD)
                .withDatabaseName(SUPERUSER);
        container.start();
        return new PostgresContainer(container);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT)
                + "/" + database;
    }

    /** As the launcher prepares a service's database on its own server. */
    public void ensureDatabase(String name, String password) {
        ServiceDatabase.ensure(this::superuser, name, password);
    }

    private Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, SUPERUSER_PASSWORD);
    }

    @Override
    public void close() {
        container.stop();
    }
}
