package kr.civilportal.emergency.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.emergency.demo.DemoReports;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportResourceTest {

    private static final String PATH = "/api/emergency/v1/reports";

    @Inject
    DataSource dataSource;

    private static String report(String category, String phone) {
        return """
                {"category": "%s", "description": "아파트 주차장 차량에서 불이 났습니다.",
                 "latitude": 37.5665, "longitude": 126.9780, "accuracyMeters": 8.5,
                 "address": "서울특별시 중구 세종대로 110"%s}
                """.formatted(category, phone == null ? "" : ", \"reporterPhone\": \"" + phone + "\"");
    }

    private static ValidatableResponse submit(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(PATH).then();
    }

    @Test
    void anAnonymousReportIsStoredAndTheDispatcherSeesTheNumberTheReporterSawMasked() throws SQLException {
        String id = submit(report("FIRE", "010-2345-6789"))
                .statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .body("status", equalTo("RECEIVED"))
                .body("priority", equalTo(1))
                .body("reporterPhone", equalTo("010-****-6789"))
                .body("receivedAt", notNullValue())
                .extract().path("reportId");
        assertTrue(rowExists(UUID.fromString(id)), "the row is committed before the answer");

        given().auth().oauth2(Tokens.of("dispatcher"))
                .when().get(PATH + "/" + id)
                .then().statusCode(200)
                .body("reportId", equalTo(id))
                .body("category", equalTo("FIRE"))
                .body("description", containsString("차량에서 불"))
                .body("latitude", equalTo(37.5665f))
                .body("longitude", equalTo(126.9780f))
                .body("accuracyMeters", equalTo(8.5f))
                .body("address", equalTo("서울특별시 중구 세종대로 110"))
                .body("reporterPhone", equalTo("010-2345-6789"))
                .body("status", equalTo("RECEIVED"))
                .body("priority", equalTo(1));
    }

    @Test
    void aReporterWhoseLocationIsRefusedReportsWithTheAddressAlone() throws SQLException {
        String id = submit("""
                {"category": "RESCUE", "description": "엘리베이터에 갇혔습니다", "address": "서울특별시 종로구 세종대로 209 정부서울청사 별관"}
                """).statusCode(201).extract().path("reportId");
        given().auth().oauth2(Tokens.of("dispatcher"))
                .when().get(PATH + "/" + id)
                .then().statusCode(200)
                .body("address", equalTo("서울특별시 종로구 세종대로 209 정부서울청사 별관"))
                .body("latitude", nullValue())
                .body("longitude", nullValue());
        long before = countReports();
        // Nowhere to go, or half a coordinate: refused, nothing stored.
        submit("""
                {"category": "RESCUE", "description": "갇혔습니다"}
                """).statusCode(400).body("errors.field", containsInAnyOrder("located"));
        submit("""
                {"category": "RESCUE", "description": "갇혔습니다", "latitude": 37.5, "address": "세종대로 209"}
                """).statusCode(400).body("errors.field", containsInAnyOrder("located"));
        assertEquals(before, countReports(), "nothing stored");
    }

    @Test
    void theLocationHeaderNamesTheNewReport() {
        var response = given().contentType(ContentType.JSON).body(report("RESCUE", null)).when().post(PATH);
        assertEquals(201, response.statusCode());
        String id = response.path("reportId");
        assertTrue(response.header("Location").endsWith(PATH + "/" + id), response.header("Location"));
    }

    @Test
    void theCallBackNumberIsOptionalAndNormalised() {
        submit(report("OTHER", null)).statusCode(201)
                .body("reporterPhone", nullValue())
                .body("priority", equalTo(3));
        String id = submit(report("EMERGENCY_MEDICAL", "+82 2 123 4567")).statusCode(201)
                .body("reporterPhone", equalTo("02-***-4567"))
                .extract().path("reportId");
        given().auth().oauth2(Tokens.of("dispatcher")).when().get(PATH + "/" + id)
                .then().statusCode(200).body("reporterPhone", equalTo("02-123-4567"));
    }

    @Test
    void aLoggedInCitizenMayReportAndAnExpiredOrForgedTokenNeverBlocksAReport() {
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON).body(report("DISASTER", null))
                .when().post(PATH).then().statusCode(201).body("priority", equalTo(2));
        String[] parts = Tokens.of("citizen").split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(forged).contentType(ContentType.JSON).body(report("FIRE", null))
                .when().post(PATH).then().statusCode(201);
    }

    @Test
    void invalidFieldsAreNamedAsSentAndNothingIsStored() throws SQLException {
        long before = countReports();
        String body = """
                {"description": "  ", "latitude": 91, "longitude": -180.5, "accuracyMeters": -1,
                 "reporterPhone": "12345"}
                """;
        submit(body).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:validation-failed"))
                .body("errors.field", containsInAnyOrder(
                        "category", "description", "latitude", "longitude", "accuracyMeters", "reporterPhone"))
                .body("errors.find { it.field == 'reporterPhone' }.detail", containsString("starts with"))
                .body(not(containsString("12345")));
        assertEquals(before, countReports(), "nothing stored");
    }

    @Test
    void aWrongNumberLengthOrTooLongTextIsAFieldError() throws SQLException {
        long before = countReports();
        submit(report("FIRE", "010-123-4567")).statusCode(400)
                .body("errors.field", containsInAnyOrder("reporterPhone"))
                .body("errors[0].detail", containsString("digits"));
        String longText = "가".repeat(2001);
        submit("""
                {"category": "FIRE", "description": "%s", "latitude": 0, "longitude": 0, "address": "%s"}
                """.formatted(longText, "a".repeat(301)))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("description", "address"));
        assertEquals(before, countReports(), "nothing stored");
    }

    @Test
    void anUnknownCategoryOrAWronglyTypedValueIsAFieldError() throws SQLException {
        long before = countReports();
        submit(report("EARTHQUAKE", null)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("category"));
        submit("""
                {"category": "FIRE", "description": "x", "latitude": "north", "longitude": 0}
                """).statusCode(400).body("errors.field", containsInAnyOrder("latitude"));
        // Numbers that are not numbers: field errors, all at once, not a 500.
        List<String> fields = submit("""
                {"category": "FIRE", "description": "x", "latitude": "NaN", "longitude": "-Infinity",
                 "accuracyMeters": "NaN"}
                """).statusCode(400).extract().path("errors.field");
        assertEquals(Set.of("latitude", "longitude", "accuracyMeters"), Set.copyOf(fields));
        // A character PostgreSQL text cannot hold: refused while the JSON is read (portal-common's StorableStrings),
        // naming the first such field, not a 500.
        submit("""
                {"category": "FIRE", "description": "x\\u0000y", "latitude": 37.5, "longitude": 126.9, "address": "\\u0000"}
                """).statusCode(400).body("type", equalTo("urn:civilportal:problem:validation-failed"))
                .body("errors.field", containsInAnyOrder("description"));
        submit("""
                {"category": "FIRE", "description": "x", "latitude": 37.5, "longitude": 126.9, "address": "\\u0000"}
                """).statusCode(400).body("errors.field", containsInAnyOrder("address"));
        assertEquals(before, countReports(), "nothing stored");
    }

    @Test
    void malformedJsonOrAnEmptyBodyIsAMalformedRequest() throws SQLException {
        long before = countReports();
        submit("{\"category\": \"FIRE\", ").statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:malformed-request"));
        submit("").statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:malformed-request"));
        assertEquals(before, countReports(), "nothing stored");
    }

    @Test
    void theDispatcherListIsNewestFirstAndPaged() {
        String older = submit(report("FIRE", "010-1111-2222")).statusCode(201).extract().path("reportId");
        String newer = submit(report("RESCUE", "010-3333-4444")).statusCode(201).extract().path("reportId");
        String token = Tokens.of("dispatcher");

        given().auth().oauth2(token).queryParam("size", 1)
                .when().get(PATH)
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].reportId", equalTo(newer))
                .body("items[0].reporterPhone", equalTo("010-3333-4444"))
                .body("page", equalTo(0))
                .body("size", equalTo(1))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(5));
        given().auth().oauth2(token).queryParam("page", 1).queryParam("size", 1)
                .when().get(PATH)
                .then().statusCode(200)
                .body("items[0].reportId", equalTo(older))
                .body("page", equalTo(1));

        List<String> times = given().auth().oauth2(token).queryParam("size", 100)
                .when().get(PATH).then().statusCode(200).extract().path("items.receivedAt");
        for (int i = 1; i < times.size(); i++) {
            assertFalse(Instant.parse(times.get(i)).isAfter(Instant.parse(times.get(i - 1))), "newest first");
        }
    }

    @Test
    void theDispatcherListFiltersByStatus() {
        String token = Tokens.of("dispatcher");
        given().auth().oauth2(token).queryParam("status", "CLOSED")
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.status", everyItem(equalTo("CLOSED")))
                .body("items.reportId", hasItem(DemoReports.OTHER.toString()));
        given().auth().oauth2(token).queryParam("status", "ACKNOWLEDGED")
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.reportId", hasItem(DemoReports.MEDICAL.toString()))
                .body("items.reportId", not(hasItem(DemoReports.OTHER.toString())));
    }

    @Test
    void badPagingOrStatusIsAFieldError() {
        String token = Tokens.of("dispatcher");
        given().auth().oauth2(token).queryParam("size", 0).queryParam("page", -1).when().get(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("size", "page"));
        given().auth().oauth2(token).queryParam("size", 101).when().get(PATH)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("size"));
        given().auth().oauth2(token).queryParam("size", "abc").queryParam("page", "x").when().get(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("size", "page"));
        given().auth().oauth2(token).queryParam("status", "LOST").when().get(PATH)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("status"));
        given().auth().oauth2(token).queryParam("status", "LOST").queryParam("page", -1).when().get(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("status", "page"));
    }

    @Test
    void aCitizenMayNotReadTheDispatcherList() {
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:forbidden"));
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + DemoReports.FIRE)
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void withoutATokenTheListIsAProblem401() {
        given().when().get(PATH)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:civilportal:problem:unauthenticated"));
        given().when().get(PATH + "/" + DemoReports.FIRE)
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownReportIsAProblem404() {
        given().auth().oauth2(Tokens.of("dispatcher")).when().get(PATH + "/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:not-found"));
        given().auth().oauth2(Tokens.of("dispatcher")).when().get(PATH + "/not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void demoReportsAreThereForTheDispatcher() {
        given().auth().oauth2(Tokens.of("dispatcher")).when().get(PATH + "/" + DemoReports.FIRE)
                .then().statusCode(200)
                .body("category", equalTo("FIRE"))
                .body("reporterPhone", equalTo("010-2468-1357"));
    }

    @Test
    void theNumberIsStoredEncryptedNotInTheClear() throws SQLException {
        submit(report("FIRE", "010-8765-4321")).statusCode(201);
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT * FROM emergency_report WHERE reporter_phone_ciphertext IS NOT NULL")) {
            int rows = 0;
            while (r.next()) {
                rows++;
                assertFalse(r.getString("reporter_phone_key_id").isBlank());
                for (int col = 1; col <= r.getMetaData().getColumnCount(); col++) {
                    byte[] raw = r.getBytes(col);
                    String value = raw == null ? "" : new String(raw, StandardCharsets.ISO_8859_1);
                    assertFalse(value.contains("8765-4321") || value.contains("87654321")
                                    || value.contains("2468-1357") || value.contains("24681357"),
                            "no column holds the number in the clear: " + r.getMetaData().getColumnName(col));
                }
            }
            assertTrue(rows >= 2, "reports with numbers exist");
        }
    }

    private long countReports() throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM emergency_report")) {
            r.next();
            return r.getLong(1);
        }
    }

    private boolean rowExists(UUID id) throws SQLException {
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("SELECT 1 FROM emergency_report WHERE id = ?")) {
            s.setObject(1, id);
            try (var r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}
