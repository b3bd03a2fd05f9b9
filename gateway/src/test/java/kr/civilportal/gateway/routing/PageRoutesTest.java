package kr.civilportal.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The web apps' routes: citizen-web's stand-in ({@link WebAppStandInResource}) and admin-console, whose address is a
 * closed port. No token is checked on page paths; cookies, {@code Location} and {@code Set-Cookie} pass unchanged;
 * when an app cannot answer, a browser gets the gateway's static page within a second.
 */
@QuarkusTest
class PageRoutesTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    /** The fallback page must come this fast when citizen-web is down. */
    private static final long FALLBACK_LIMIT_MILLIS = 1000;
    /** portal.gateway.routes.citizen-web.circuit-breaker.request-volume: the answers the circuit judges at once. */
    private static final int CITIZEN_WEB_REQUEST_VOLUME = 20;

    @Test
    void pagesReachCitizenWebWithTheirCookiesHostAndForwardingAndNoTokenIsChecked() {
        // A token that would fail the gateway's check on /api/** is neither checked nor dropped here: the app decides.
        given().cookie("portal-session", "abc").header("Authorization", "Bearer not-a-token").accept(HTML)
                .when().get("/my/certificates?page=2")
                .then().statusCode(200)
                .body("app", equalTo("citizen-web"))
                .body("path", equalTo("/my/certificates?page=2"))
                .body("cookie", containsString("portal-session=abc"))
                .body("authorization", equalTo("Bearer not-a-token"))
                .body("host", equalTo("localhost:" + RestAssured.port))
                .body("forwardedFor", equalTo("127.0.0.1"))
                .body("forwardedProto", equalTo("http"))
                .body("forwardedHost", equalTo("localhost:" + RestAssured.port));
        given().redirects().follow(false).when().get("/login")
                .then().statusCode(302)
                .header("Location", equalTo("/my"))
                .header("Set-Cookie", equalTo("portal-session=signed-in; Path=/; HttpOnly"));
        for (String path : List.of("/", "/my", "/verify", "/verify/1234-5678", "/report-119", "/report-119/receipts/x",
                "/krds/css/component/component.css", "/web-assets/portal.css", "/lang?to=en", "/logout", "/favicon.ico")) {
            given().redirects().follow(false).when().get(path).then().statusCode(200).body("app", equalTo("citizen-web"));
        }
        given().contentType("application/x-www-form-urlencoded").formParam("q", "x").accept(HTML)
                .when().post("/my/certificates")
                .then().statusCode(200).body("method", equalTo("POST")).body("bodyBytes", equalTo(3));
    }

    @Test
    void theGatewayKeepsItsOwnPaths() {
        given().when().get("/api/status").then().statusCode(200).body("services.name", org.hamcrest.Matchers.hasItem("citizen-web"));
        given().accept(HTML).when().get("/status").then().statusCode(200).body(not(containsString("citizen-web\",\"method")));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().redirects().follow(false).when().get("/waiting-room?ticket=x&return=/")
                .then().body(not(containsString("\"app\":\"citizen-web\"")));
        // Exact paths are exact: these are nobody's pages.
        given().when().get("/myself").then().statusCode(404);
        given().when().get("/administrator").then().statusCode(404);
    }

    @Test
    void whenCitizenWebIsDownABrowserGetsTheStaticPageWithinASecondAndAnAppAProblem() {
        WebAppStandInResource.stopApp();
        try {
            for (String path : List.of("/", "/my/passport", "/verify", "/report-119", "/", "/my")) {
                long start = System.nanoTime();
                Response page = given().accept(HTML).when().get(path);
                long millis = (System.nanoTime() - start) / 1_000_000;
                page.then().statusCode(503)
                        .contentType(containsString("text/html"))
                        .header("Cache-Control", equalTo("no-store"))
                        .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"));
                assertTrue(millis < FALLBACK_LIMIT_MILLIS, path + " answered after " + millis + " ms");
                String html = page.asString();
                assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"ko\">"), html.substring(0, 60));
                for (String expected : List.of("tel:110", "정부민원안내콜센터", "tel:120", "다산콜센터", "행정복지센터(주민센터)",
                        "tel:119", "action=\"/report-119/fallback\"", "name=\"idempotencyKey\"", "<label for=\"category\">",
                        "<label for=\"description\">", "<label for=\"address\">", "<label for=\"phone\">",
                        "lang=\"en\"", "<h1>", "<main id=\"main\"")) {
                    assertTrue(html.contains(expected), path + ": missing " + expected);
                }
                // Self-contained: nothing it would have to fetch from an app that is down, and no script needed.
                assertTrue(!html.contains("<script") && !html.contains("stylesheet") && !html.contains("src="), html);
            }
            // Each view of the form has its own key: two people's reports are never folded into one.
            String first = given().accept(HTML).get("/").asString();
            String second = given().accept(HTML).get("/").asString();
            assertTrue(!key(first).equals(key(second)));
            // A page's form sent meanwhile gets the same page, as a 503; an app or a script gets problem+json.
            given().accept(HTML).contentType("application/x-www-form-urlencoded").formParam("a", "b")
                    .when().post("/my/certificates")
                    .then().statusCode(503).contentType(containsString("text/html")).body(containsString("tel:110"));
            given().accept("application/json").when().get("/my")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("urn:civilportal:problem:service-unavailable"))
                    .body("detail", containsString("citizen-web"));
            given().when().get("/web-assets/portal.css").then().statusCode(503).contentType("application/problem+json");
        } finally {
            WebAppStandInResource.startApp();
        }
        IsolationTest.awaitTrue(Duration.ofSeconds(15), () -> given().get("/").statusCode() == 200);
    }

    /**
     * A web app's 503 page about a service behind it (passport hung: the "unavailable" panel) is the app working, not
     * failing: it must not open the app's circuit, or one hung service would put the whole citizen site on the
     * fallback page. More of them than the circuit's request volume, and the pages still come from the app.
     */
    @Test
    void aWebAppsPageAboutAServiceBehindItThatIsDownDoesNotOpenTheAppsCircuit() {
        IsolationTest.awaitTrue(Duration.ofSeconds(30), () -> given().accept(HTML).get("/my").statusCode() == 200
                && "CLOSED".equals(given().get("/api/status").path("services.find { it.name == 'citizen-web' }.circuit")));
        for (int i = 0; i < 3 * CITIZEN_WEB_REQUEST_VOLUME; i++) {
            given().accept(HTML).when().get("/my/appointments")
                    .then().statusCode(503).body(containsString("id=\"unavailable\""));
        }
        given().when().get("/api/status").then()
                .body("services.find { it.name == 'citizen-web' }.circuit", equalTo("CLOSED"));
        given().accept(HTML).when().get("/my").then().statusCode(200).body("app", equalTo("citizen-web"));
    }

    @Test
    void whenTheAdminConsoleIsDownOfficialsGetTheirOwnShortPage() {
        long start = System.nanoTime();
        Response page = given().accept(HTML).when().get("/admin/passports");
        long millis = (System.nanoTime() - start) / 1_000_000;
        page.then().statusCode(503).contentType(containsString("text/html"))
                .body(containsString("업무 화면을 잠시 이용할 수 없습니다"))
                .body(containsString("The officials' console is unavailable right now"))
                .body(not(containsString("action=\"/report-119/fallback\"")));
        assertTrue(millis < FALLBACK_LIMIT_MILLIS, "answered after " + millis + " ms");
        given().when().get("/admin").then().statusCode(503).contentType("application/problem+json");
        // Citizens are not affected.
        given().accept(HTML).when().get("/my").then().statusCode(200).body("app", equalTo("citizen-web"));
    }

    private static String key(String html) {
        String marker = "name=\"idempotencyKey\" value=\"";
        int at = html.indexOf(marker) + marker.length();
        String key = html.substring(at, html.indexOf('"', at));
        assertEquals(36, key.length(), key);
        return key;
    }
}
