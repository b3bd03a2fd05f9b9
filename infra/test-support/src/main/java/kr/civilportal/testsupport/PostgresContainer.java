package kr.civilportal.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

    public void ensureDatabase(String name, String password) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        String quotedPassword = "'" + password.replace("'", "''") + "'";
        try (Connection c = superuser(SUPERUSER); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + name + " LOGIN PASSWORD " + quotedPassword);
            s.execute("CREATE DATABASE " + name + " OWNER " + name + " ENCODING 'UTF8'");
            s.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            s.execute("GRANT ALL ON DATABASE " + name + " TO " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare database " + name, e);
        }
        try (Connection c = superuser(name); Statement s = c.createStatement()) {
            // The service's own role owns its schema, so Flyway runs as that role and nothing else can write there.
            s.execute("ALTER SCHEMA public OWNER TO " + name);
            s.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare schema of " + name, e);
        }
    }

    private Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, SUPERUSER_PASSWORD);
    }

    @Override
    public void close() {
        container.stop();
    }
}
