package kr.civilportal.land.parcel;

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
 * The replica is ready only while its parcel change listener listens: when PostgreSQL ends the listening session,
 * readiness goes DOWN, and UP again once the listener listens on a new session.
 */
@QuarkusTest
class ParcelChangeListenerReadinessTest {

    private static final String CHECK = "checks.find { it.name == '" + ParcelChangeListenerCheck.NAME + "' }";

    @Inject
    DataSource dataSource;

    @Test
    void readinessFollowsTheListeningSession() throws SQLException {
        JsonPath ready = await().atMost(Duration.ofSeconds(30)).until(this::readiness,
                r -> "UP".equals(r.getString("status")));
        int backend = ready.getInt(CHECK + ".data.backend-pid");
        assertEquals(backend, listeningBackendSeenByPostgres());

        terminate(backend);

        JsonPath down = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(this::readiness, r -> "DOWN".equals(r.getString("status")));
        assertEquals("DOWN", down.getString(CHECK + ".status"));
        assertEquals("reconnecting", down.getString(CHECK + ".data.session"));

        JsonPath again = await().atMost(Duration.ofSeconds(30)).until(this::readiness,
                r -> "UP".equals(r.getString("status")));
        int newBackend = again.getInt(CHECK + ".data.backend-pid");
        assertNotEquals(backend, newBackend);
        assertEquals(newBackend, listeningBackendSeenByPostgres());
    }

    private JsonPath readiness() {
        return given().when().get("/q/health/ready").then().extract().jsonPath();
    }

    /** The backend PostgreSQL itself lists as listening under the listener's application name. */
    private int listeningBackendSeenByPostgres() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT pid FROM pg_stat_activity WHERE application_name = ? AND query LIKE 'LISTEN %'")) {
            s.setString(1, ParcelChangeListener.APPLICATION_NAME);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "PostgreSQL lists no listening session");
                int pid = rs.getInt(1);
                assertTrue(!rs.next(), "PostgreSQL lists more than one listening session");
                return pid;
            }
        }
    }

    private void terminate(int backend) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
            s.setInt(1, backend);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next() && rs.getBoolean(1), "PostgreSQL did not end the listening session");
            }
        }
    }
}
