package kr.civilportal.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every console answer carries the header policy (an outside test found none: the approval buttons could be framed),
 * and no console page, all of which show residents' data, is kept by the browser; its assets may be.
 */
@QuarkusTest
class SecurityHeadersTest {

    private static final List<String> PAGES = List.of("/admin", "/admin/land", "/admin/system", "/admin/move-ins");

    @BeforeEach
    void reset() {
        GatewayStandIn.reset();
    }

    @Test
    void everyPageForbidsFramingSniffingAndOutsideScriptsAndIsNeverCached() {
        PageSession officer = new PageSession(Tokens.of("land-officer"));
        for (String path : PAGES) {
            officer.get(path).then()
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("same-origin"))
                    .header("Cache-Control", containsString("no-store"));
        }
        officer.get("/admin/web-assets/dispatch-board.js").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", not(containsString("no-store")));
    }
}
