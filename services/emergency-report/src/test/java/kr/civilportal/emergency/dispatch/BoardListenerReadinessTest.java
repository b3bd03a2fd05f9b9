package kr.civilportal.emergency.dispatch;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The replica is ready only while the live board's listener listens: when PostgreSQL ends the listening
 * connection, readiness goes DOWN, and UP again once the listener listens on a new connection.
 */
@QuarkusTest
class BoardListenerReadinessTest {

    private static final String CHECK = "checks.find { it.name == '" + BoardListenerCheck.NAME + "' }";

    @Inject
    DataSource dataSource;

    @Test
    void readinessFollowsTheListeningConnection() throws SQLException {
        JsonPath ready = await().atMost(Duration.ofSeconds(30)).until(this::readiness,
                r -> "UP".equals(r.getString("status")));
        int backend = ready.getInt(CHECK + ".data.backend-pid");
        assertTrue(listensInPostgres(backend), "PostgreSQL does not list the reported backend as listening");

        terminate(backend);

        JsonPath down = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(this::readiness, r -> "DOWN".equals(r.getString("status")));
        assertEquals("DOWN", down.getString(CHECK + ".status"));
        assertEquals("reconnecting", down.getString(CHECK + ".data.session"));

        JsonPath again = await().atMost(Duration.ofSeconds(30)).until(this::readiness,
                r -> "UP".equals(r.getString("status")));
        int newBackend = again.getInt(CHECK + ".data.backend-pid");
        assertNotEquals(backend, newBackend);
        assertTrue(listensInPostgres(newBackend), "PostgreSQL does not list the new backend as listening");
    }

    private JsonPath readiness() {
        return given().when().get("/q/health/ready").then().extract().jsonPath();
    }

    /** Whether PostgreSQL lists the backend, its last statement the LISTEN. */
    private boolean listensInPostgres(int backend) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT 1 FROM pg_stat_activity WHERE pid = ? AND query = ?")) {
            s.setInt(1, backend);
            s.setString(2, "LISTEN " + BoardNotifications.CHANNEL);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void terminate(int backend) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
            s.setInt(1, backend);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next() && rs.getBoolean(1), "PostgreSQL did not end the listening connection");
            }
        }
    }
}
