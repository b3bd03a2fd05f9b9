package kr.civilportal.gateway.fallback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import kr.civilportal.gateway.relay.EmergencyStandInResource;
import kr.civilportal.gateway.relay.HeldReportForwarder;
import kr.civilportal.gateway.routing.WebAppStandInResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fallback page's 119 form, against the emergency-report stand-in (which keeps Idempotency-Keys) and the
 * gateway's real journal: delivered when the service is up, held and forwarded exactly once when it is down, and
 * working while citizen-web is down.
 */
@QuarkusTest
class FallbackReportsTest {

    static final String FORM = "/report-119/fallback";

    @Inject
    HeldReportForwarder forwarder;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = EmergencyStandInResource.CONTROL_PORT)
    int controlPort;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void serviceBackAndNothingLeftHeld() throws Exception {
        control("up");
        forwarder.forwardDue();
    }

    @Test
    void theFormReachesTheEmergencyServiceAsJsonAndAReceiptPageComesBackWhileCitizenWebIsDown() throws Exception {
        control("up");
        String key = UUID.randomUUID().toString();
        WebAppStandInResource.stopApp();
        try {
            Response page = form(key, "FIRE", "3층 창문에서 연기가 납니다", "서울특별시 종로구 세종대로 209", "010-2345-6789")
                    .when().post(FORM);
            page.then().statusCode(201).contentType(containsString("text/html"))
                    .body(containsString("119에 신고가 접수되었습니다"))
                    .body(containsString("id=\"report-number\""))
                    .body(containsString("/report-119/receipts/"));
            // A resend of the same form (a double click, a reload) is the same report, not a second one.
            form(key, "FIRE", "3층 창문에서 연기가 납니다", "서울특별시 종로구 세종대로 209", "010-2345-6789")
                    .when().post(FORM).then().statusCode(201);
        } finally {
            WebAppStandInResource.startApp();
        }
        assertEquals(List.of(key + " created", key + " replayed"),
                received().stream().filter(line -> line.startsWith(key)).toList());
    }

    @Test
    void whileTheServiceIsDownTheReportIsHeldAndDeliveredLaterExactlyOnce() throws Exception {
        control("down");
        String key = UUID.randomUUID().toString();
        Response page = form(key, "EMERGENCY_MEDICAL", "할머니가 쓰러지셨습니다", "광화문역 2번 출구 앞", "")
                .when().post(FORM);
        page.then().statusCode(202).contentType(containsString("text/html"))
                .body(containsString("신고를 보관했습니다"))
                .body(containsString("id=\"relay-number\""));
        String html = page.asString();
        int at = html.indexOf("/api/emergency/v1/relay/");
        String followUrl = html.substring(at, html.indexOf('"', at)).replace("&amp;", "&");
        assertEquals(1, heldRowsWithKey(key), "held in the journal, committed, before the page was sent");

        control("up");
        forwarder.forwardDue();
        assertEquals(List.of(key + " created"), received().stream().filter(line -> line.startsWith(key)).toList());
        given().when().get(followUrl).then().statusCode(200).body("state", equalTo("DELIVERED"));
    }

    @Test
    void aFormWithMistakesComesBackWithThemMarkedWhatWasTypedKeptAndNothingSent() throws Exception {
        control("up");
        int before = received().size();
        String key = UUID.randomUUID().toString();
        String html = form(key, "", "", "부산역 앞 <광장>", "call me").when().post(FORM)
                .then().statusCode(400).contentType(containsString("text/html")).extract().asString();
        for (String expected : List.of("class=\"error-summary\"", "href=\"#category\"", "id=\"description-error\"",
                "id=\"phone-error\"", "aria-invalid=\"true\"", "부산역 앞 &lt;광장&gt;", "value=\"" + key + "\"")) {
            assertTrue(html.contains(expected), "missing " + expected);
        }
        assertTrue(!html.contains("id=\"address-error\""), "the address was fine");
        assertEquals(before, received().size(), "nothing reached the service");
    }

    @Test
    void onlyAPlainFormIsTakenThere() {
        given().contentType("application/json").body("{\"category\":\"FIRE\"}").when().post(FORM)
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:unsupported-media-type"));
    }

    private static RequestSpecification form(String key, String category, String description, String address,
                                              String phone) {
        return given().accept("text/html").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("idempotencyKey", key).formParam("category", category)
                .formParam("description", description).formParam("address", address).formParam("phone", phone);
    }

    private void control(String action) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + controlPort + "/" + action))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
    }

    private List<String> received() throws Exception {
        String json = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + controlPort + "/received")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return JsonPath.from(json).getList("$");
    }

    private long heldRowsWithKey(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM held_report WHERE idempotency_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
