package kr.civilportal.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own pages (status, waiting room, and the fallback page it shows for a web app that is down, the
 * 119 form among them) cannot be framed by another site and are never sniffed: an outside test found no such
 * header on any page. The admin console's stand-in in this test is a closed port, so its pages are the fallback.
 */
@QuarkusTest
class OwnPageHeadersTest {

    private static final String HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";

    @Test
    void everyPageOfTheGatewaysOwnRefusesFraming() {
        for (String path : new String[] {"/status", "/waiting-room?ticket=unknown", "/admin"}) {
            Response page = given().redirects().follow(false).accept(HTML).get(path);
            page.then().contentType(containsString("text/html"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("same-origin"));
        }
        given().get("/api/status").then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
