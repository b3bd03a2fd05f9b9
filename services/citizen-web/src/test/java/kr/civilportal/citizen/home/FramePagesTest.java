package kr.civilportal.citizen.home;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.Test;

/** What every page shares: its assets load, a form sent after the login ran out comes back, anonymous calls. */
@QuarkusTest
class FramePagesTest {

    @Test
    void everyAssetAPageAsksForIsThere() {
        String page = given().get("/report-119").then().statusCode(200).extract().asString();
        given().get("/krds/img/img/component/icon/ico_information.svg").then().statusCode(200)
                .contentType(containsString("svg"));
        given().get("/favicon.ico").then().statusCode(200);
        given().get("/web-assets/favicon.svg").then().statusCode(200);
        given().get("/web-assets/form-keep.js").then().statusCode(200);
        given().get("/web-assets/geolocation.js").then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("rel=\"icon\""));
        // street-address is for a multi-line field: the typed place is a textarea, never an <input>.
        org.junit.jupiter.api.Assertions.assertFalse(page.matches("(?s).*<input[^>]*street-address.*"));
    }

    @Test
    void aFormSentAfterTheLoginRanOutComesBackToItsPageSayingSo() {
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        citizen.request().queryParam("from", "/my/passport/review").get("/my/passport/submission").then()
                .statusCode(303).header("Location", endsWith("/my/passport/review?resend=true"));
        citizen.request().queryParam("from", "/my/land/parcels/1111010100100010000?issued=1")
                .get("/my/land/parcels/1111010100100010000/extracts").then()
                .statusCode(303).header("Location", endsWith("/my/land/parcels/1111010100100010000?issued=1&resend=true"));
        // A form posted to its own page (certificates, move-in): that page answers GET, and still says so.
        citizen.request().queryParam("from", "/my/certificates").get("/my/certificates").then()
                .statusCode(303).header("Location", endsWith("/my/certificates?resend=true"));
        citizen.request().queryParam("from", "//elsewhere.example").get("/my/passport/submission").then().statusCode(405);
        citizen.get("/my/move-in?resend=true").then().statusCode(200).body(containsString("id=\"resend\""));
        citizen.get("/my/appointments/not-an-id").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("페이지를 찾을 수 없습니다"));
    }

    @Test
    void thePagesSpeakTheLanguageChosenOnThePortalNotTheBrowsers() {
        given().header("Accept-Language", "en-US,en;q=0.9").get("/verify").then().statusCode(200)
                .body(containsString("<html lang=\"ko\">")).body(containsString("<h1>증명서 진위확인</h1>"));
        given().header("Accept-Language", "ko-KR").cookie("lang", "en").get("/verify").then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).body(not(containsString("<h1>증명서 진위확인</h1>")));
    }

    @Test
    void anAnonymousCallPassesTheCitizensAddressAndNoToken() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", "/api/residency/v1/verifications/123456789012", r -> Answer.json(200,
                "{\"issuanceNumber\":\"123456789012\",\"genuine\":true,\"kind\":\"HOUSEHOLD\",\"issuedAt\":\"2026-11-20T10:00:00+09:00\",\"contentHash\":\"ab\"}"));
        given().get("/verify?number=123456789012").then().statusCode(200).body(containsString("주민등록표 등본"))
                .body(not(containsString("id=\"unavailable\"")));
        GatewayStandIn.Request call = GatewayStandIn.received().get(0);
        assertEquals("127.0.0.1", call.header("X-Forwarded-For"));
        assertNull(call.header("Authorization"));
    }
}
