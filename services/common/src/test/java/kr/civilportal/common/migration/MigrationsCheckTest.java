package kr.civilportal.common.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The startup check against a real PostgreSQL: DOWN while a migration is pending or failed, UP once all apply. */
class MigrationsCheckTest {

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(120)).start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void downWhileAMigrationIsPendingAndUpOnceAllAreApplied() throws SQLException {
        Flyway flyway = flyway("applied_schema", "classpath:migrations-check/applied");
        flyway.migrate();
        unapplyTheSecondMigration();

        HealthCheckResponse pending = new MigrationsCheck(flyway).call();
        assertEquals(HealthCheckResponse.Status.DOWN, pending.getStatus());
        assertEquals(1L, data(pending).get("pending"));
        assertEquals("1", data(pending).get("version"));

        flyway.migrate();
        HealthCheckResponse applied = new MigrationsCheck(flyway).call();
        assertEquals(HealthCheckResponse.Status.UP, applied.getStatus());
        assertEquals(0L, data(applied).get("pending"));
        assertEquals(0L, data(applied).get("failed"));
        assertEquals("2", data(applied).get("version"));
    }

    @Test
    void downWhenAMigrationDoesNotApply() {
        Flyway flyway = flyway("broken_schema", "classpath:migrations-check/broken");
        assertThrows(FlywayException.class, flyway::migrate);

        // PostgreSQL rolls the failed migration back, so Flyway finds it still pending.
        HealthCheckResponse broken = new MigrationsCheck(flyway).call();
        assertEquals(HealthCheckResponse.Status.DOWN, broken.getStatus());
        assertEquals(1L, data(broken).get("pending"));
    }

    /** Takes the second migration back out, as if the service had started with code newer than its schema. */
    private static void unapplyTheSecondMigration() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE applied_schema.later");
            s.execute("DELETE FROM applied_schema.flyway_schema_history WHERE version = '2'");
        }
    }

    private static Flyway flyway(String schema, String location) {
        return Flyway.configure().dataSource(postgres.getPostgresDatabase()).schemas(schema).locations(location)
                .load();
    }

    private static Map<String, Object> data(HealthCheckResponse response) {
        return response.getData().orElseThrow();
    }
}
