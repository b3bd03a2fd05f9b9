package kr.civilportal.emergency.dispatch;

import static io.restassured.RestAssured.given;
import static kr.civilportal.emergency.Fixtures.REPORTS;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import kr.civilportal.emergency.Fixtures;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DispatchTest {

    private static String newReport() {
        return given().contentType(ContentType.JSON).body(Fixtures.uniqueReport())
                .when().post(REPORTS).then().statusCode(201).extract().path("reportId");
    }

    private static io.restassured.specification.RequestSpecification dispatcher() {
        return given().auth().oauth2(Tokens.of("dispatcher")).contentType(ContentType.JSON);
    }

    @Test
    void aDispatcherAcknowledgesAssignsNotesAndClosesEachStepTimeStamped() {
        String id = newReport();
        String received = dispatcher().when().get(REPORTS + "/" + id).then().extract().path("receivedAt");

        String acked = dispatcher().when().post(REPORTS + "/" + id + "/acknowledgement").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo("dispatcher"))
                .extract().path("acknowledgedAt");
        assertFalse(Instant.parse(acked).isBefore(Instant.parse(received)));

        dispatcher().body("{\"unit\": \"종로소방서 펌프1\"}").when().post(REPORTS + "/" + id + "/assignment")
                .then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("assignedUnit", equalTo("종로소방서 펌프1"))
                .body("dispatchedAt", notNullValue());
        dispatcher().body("{\"text\": \"현장 도착 5분 예상\"}").when().post(REPORTS + "/" + id + "/notes")
                .then().statusCode(201);
        dispatcher().body("{\"outcome\": \"RESOLVED\", \"note\": \"초기 진화\"}").when().post(REPORTS + "/" + id + "/closure")
                .then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("outcome", equalTo("RESOLVED"))
                .body("closedAt", notNullValue());

        List<String> kinds = dispatcher().when().get(REPORTS + "/" + id + "/events").then().statusCode(200)
                .body("[1].actor", equalTo("dispatcher"))
                .body("[2].detail", equalTo("종로소방서 펌프1"))
                .body("[4].detail", equalTo("RESOLVED: 초기 진화"))
                .extract().path("kind");
        assertEquals(List.of("RECEIVED", "ACKNOWLEDGED", "UNIT_ASSIGNED", "NOTE", "CLOSED"), kinds);
        List<String> times = dispatcher().when().get(REPORTS + "/" + id + "/events").then().extract().path("at");
        for (int i = 1; i < times.size(); i++) {
            assertFalse(Instant.parse(times.get(i)).isBefore(Instant.parse(times.get(i - 1))), "in time order");
        }
    }

    @Test
    void stepsOutOfOrderAre409AndChangeNothing() {
        String id = newReport();
        dispatcher().body("{\"unit\": \"구급1\"}").when().post(REPORTS + "/" + id + "/assignment")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:conflict"));
        dispatcher().body("{\"outcome\": \"DUPLICATE\"}").when().post(REPORTS + "/" + id + "/closure")
                .then().statusCode(409);
        dispatcher().when().get(REPORTS + "/" + id).then().body("status", equalTo("RECEIVED"))
                .body("assignedUnit", nullValue());
        dispatcher().when().post(REPORTS + "/" + id + "/acknowledgement").then().statusCode(200);
        dispatcher().when().post(REPORTS + "/" + id + "/acknowledgement").then().statusCode(409)
                .body("detail", containsString("already acknowledged"));
        dispatcher().body("{\"outcome\": \"DUPLICATE\"}").when().post(REPORTS + "/" + id + "/closure").then().statusCode(200);
        dispatcher().body("{\"outcome\": \"RESOLVED\"}").when().post(REPORTS + "/" + id + "/closure").then().statusCode(409);
        dispatcher().when().get(REPORTS + "/" + id).then().body("outcome", equalTo("DUPLICATE"));
    }

    @Test
    void badStepBodiesAreFieldErrors() {
        String id = newReport();
        dispatcher().when().post(REPORTS + "/" + id + "/acknowledgement").then().statusCode(200);
        dispatcher().body("{\"unit\": \" \"}").when().post(REPORTS + "/" + id + "/assignment")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("unit"));
        dispatcher().body("{\"outcome\": \"EXTINGUISHED\"}").when().post(REPORTS + "/" + id + "/closure")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("outcome"));
        dispatcher().body("{}").when().post(REPORTS + "/" + id + "/notes")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("text"));
        dispatcher().when().post(REPORTS + "/" + java.util.UUID.randomUUID() + "/acknowledgement")
                .then().statusCode(404).contentType("application/problem+json");
        dispatcher().when().get(REPORTS + "/" + id).then().body("status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void onlyDispatchersTakeSteps() {
        String id = newReport();
        given().auth().oauth2(Tokens.of("citizen")).when().post(REPORTS + "/" + id + "/acknowledgement")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("admin")).when().get(REPORTS + "/" + id + "/events").then().statusCode(403);
        given().when().post(REPORTS + "/" + id + "/acknowledgement").then().statusCode(401)
                .contentType("application/problem+json");
        dispatcher().when().get(REPORTS + "/" + id).then().body("status", equalTo("RECEIVED"));
    }

    @Test
    void theTimeToAcknowledgeIsAMetric() {
        String id = newReport();
        dispatcher().when().post(REPORTS + "/" + id + "/acknowledgement").then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("emergency_report_acknowledgement_seconds_count{category=\"FIRE\""), metrics.length() + " chars");
        assertTrue(metrics.contains("emergency_report_acknowledgement_seconds_bucket{category=\"FIRE\""));
        assertTrue(metrics.contains("emergency_reports_received_total{category=\"FIRE\""));
    }
}
