package kr.civilportal.citizen;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every answer carries the header policy (an outside test found none: the one-click forms could be framed), and a
 * citizen's own pages are never kept by the browser or a shared cache, while public pages and assets may be.
 */
@QuarkusTest
class SecurityHeadersTest {

    private static final List<String> PUBLIC = List.of("/", "/verify", "/report-119", "/web-assets/portal.css",
            "/krds/css/common/common.css", "/no-such-page");
    private static final List<String> PERSONAL = List.of("/my", "/my/certificates", "/my/move-in", "/my/passport",
            "/my/appointments", "/report-119/receipts/8c2a5f7e-6d3b-4b4a-9e3c-4d5e6f708192?token=t");

    @BeforeEach
    void reset() {
        GatewayStandIn.reset();
    }

    @Test
    void everyAnswerForbidsFramingSniffingAndOutsideScripts() {
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        for (String path : concat(PUBLIC, PERSONAL)) {
            Response answer = citizen.get(path);
            answer.then()
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("same-origin"));
        }
    }

    @Test
    void aCitizensOwnPagesAreNeverCachedAndPublicOnesAreLeftAlone() {
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        for (String path : PERSONAL) {
            citizen.get(path).then().header("Cache-Control", containsString("no-store"));
        }
        citizen.get("/").then().header("Cache-Control", nullValue());
        citizen.get("/web-assets/portal.css").then().header("Cache-Control", not(containsString("no-store")));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
