package kr.civilportal.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.Test;

/**
 * The console's role checks are the pages' {@code @RolesAllowed}: a person without the role gets one page that
 * names the roles that open it, and the menu offers each official only the work their roles open.
 */
@QuarkusTest
class RolesTest {

    @Test
    void aCitizenInTheConsoleIsToldWhichRoleThePageNeeds() {
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        citizen.get("/admin/land").then().statusCode(403)
                .body(containsString("이 화면을 볼 권한이 없습니다"))
                .body(containsString("토지 담당 공무원"))
                .body(not(containsString("href=\"/admin/land\"")));
        citizen.get("/admin").then().statusCode(403).body(containsString("id=\"needed-roles\""));
        citizen.get("/admin/system").then().statusCode(403);
    }

    @Test
    void anOfficerSeesOnlyTheirWorkAndIsRefusedAnothers() {
        PageSession officer = new PageSession(Tokens.of("land-officer"));
        officer.get("/admin").then().statusCode(200)
                .body(containsString("href=\"/admin/land\""))
                .body(containsString("href=\"/admin/system\""))
                .body(not(containsString("href=\"/admin/move-ins\"")))
                .body(not(containsString("href=\"/admin/dispatch\"")))
                .body(not(containsString("href=\"/admin/passports\"")));
        officer.get("/admin/move-ins").then().statusCode(403).body(containsString("주민등록 담당 공무원"));
    }

    /**
     * Admin runs the portal and does no casework: the services refuse admin every resident's case, so the console
     * offers admin the start page and the system view, and a queue page says which role opens it (an outside test
     * found the console showing admin the queues, then the service's 403 as "passport unavailable").
     */
    @Test
    void anAdministratorSeesTheSystemButNoResidentsCases() {
        GatewayStandIn.reset();
        PageSession admin = new PageSession(Tokens.of("admin"));
        admin.get("/admin").then().statusCode(200)
                .body(containsString("href=\"/admin/system\""))
                .body(not(containsString("href=\"/admin/move-ins\""))).body(not(containsString("href=\"/admin/passports\"")))
                .body(not(containsString("href=\"/admin/land\""))).body(not(containsString("href=\"/admin/dispatch\"")));
        for (String page : new String[] {"/admin/move-ins", "/admin/passports", "/admin/land", "/admin/dispatch"}) {
            admin.get(page).then().statusCode(403).body(containsString("id=\"needed-roles\""))
                    .body(not(containsString("이용할 수 없습니다")));
        }
        assertEquals(List.of(), GatewayStandIn.received().stream().filter(r -> !r.path().equals("/api/status")).toList(),
                "no casework call reached the services");
    }

    @Test
    void theConsoleServesItsOwnAssetsUnderAdmin() {
        given().get("/admin/krds/css/component/component.css").then().statusCode(200).body(containsString(".krds-btn"));
        given().get("/admin/krds/img/img/component/icon/ico_information.svg").then().statusCode(200);
        given().get("/admin/web-assets/portal.css").then().statusCode(200);
        given().get("/admin/web-assets/dispatch-board.js").then().statusCode(200);
        given().get("/admin/web-assets/favicon.svg").then().statusCode(200);
    }
}
