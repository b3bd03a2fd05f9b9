package kr.civilportal.emergency.dispatch;

import static io.restassured.RestAssured.given;
import static kr.civilportal.emergency.Fixtures.REPORTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import kr.civilportal.emergency.Fixtures;
import kr.civilportal.emergency.demo.DemoReports;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The live board as a dispatcher's client sees it: a real SSE connection with a real token. */
@QuarkusTest
class BoardStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/emergency/v1/dispatch/events")
    URI stream;

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    record SseEvent(String name, String data) {
    }

    /** Reads events off an open stream: "event:" and "data:" lines, ended by a blank line. */
    static final class SseReader implements AutoCloseable {
        private final BufferedReader reader;

        SseReader(InputStream in) {
            reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }

        SseEvent next() throws java.io.IOException {
            String name = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        return new SseEvent(name, data.toString());
                    }
                    continue;
                }
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
            throw new java.io.EOFException("stream closed");
        }

        /** The next event of this name about this report, skipping the others (heartbeats, other reports). */
        JsonNode until(String name, String reportId) throws java.io.IOException {
            while (true) {
                SseEvent e = next();
                if (e.name().equals(name)) {
                    JsonNode data = JSON.readTree(e.data());
                    if (reportId == null || reportId.equals(data.path("reportId").asText())) {
                        return data;
                    }
                }
            }
        }

        @Override
        public void close() throws java.io.IOException {
            reader.close();
        }
    }

    private HttpResponse<InputStream> open(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return client.send(HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + Tokens.of(user)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void aDispatcherSeesANewReportAndItsStepsLive() throws Exception {
        HttpResponse<InputStream> response = open("dispatcher");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        try (SseReader events = new SseReader(response.body())) {
            events.until("ready", null);

            String id = given().contentType(ContentType.JSON).body(Fixtures.report("FIRE", "지하 주차장 화재, 사람이 안에 있어요", "010-2345-6789"))
                    .when().post(REPORTS).then().statusCode(201).extract().path("reportId");
            JsonNode created = events.until("new", id);
            assertEquals("RECEIVED", created.path("status").asText());
            assertEquals("010-2345-6789", created.path("reporterPhone").asText(), "dispatchers see the number");
            assertEquals(1, liveBoardReads(id), "and the number's read is logged before it is sent");
            assertEquals(1, created.path("priority").asInt());

            given().auth().oauth2(Tokens.of("dispatcher")).when().post(REPORTS + "/" + id + "/acknowledgement")
                    .then().statusCode(200);
            JsonNode updated = events.until("updated", id);
            assertEquals("ACKNOWLEDGED", updated.path("status").asText());
            assertEquals("dispatcher", updated.path("acknowledgedBy").asText());
        } finally {
            response.body().close();
        }
    }

    @Test
    void aChangeCommittedByAnotherReplicaReachesThisReplicasBoard() throws Exception {
        HttpResponse<InputStream> response = open("dispatcher");
        try (SseReader events = new SseReader(response.body());
             var db = dataSource.getConnection(); var notify = db.prepareStatement("SELECT pg_notify(?, ?)")) {
            events.until("ready", null);
            // What another replica's commit sends: this replica's board reads the report and shows it.
            notify.setString(1, "emergency_board");
            notify.setString(2, "updated:" + DemoReports.FIRE);
            notify.execute();
            JsonNode updated = events.until("updated", DemoReports.FIRE.toString());
            assertEquals("FIRE", updated.path("category").asText());
        } finally {
            response.body().close();
        }
    }

    @Test
    void onlyDispatchersMayWatchTheBoard() throws Exception {
        HttpResponse<InputStream> citizen = open("citizen");
        try {
            assertEquals(403, citizen.statusCode());
        } finally {
            citizen.body().close();
        }
        given().accept("text/event-stream").when().get("/api/emergency/v1/dispatch/events").then().statusCode(401);
    }

    private long liveBoardReads(String reportId) throws java.sql.SQLException {
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("SELECT count(*) FROM callback_number_read WHERE report_id = ?::uuid"
                     + " AND action = 'LIVE_BOARD' AND official = 'dispatcher'")) {
            s.setString(1, reportId);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
