package kr.civilportal.citizen.petitions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 나의 민원 shows each passport application's 처리기한 as passport counts it, and says so when it has passed. */
@QuarkusTest
class PetitionDeadlinesTest {

    @BeforeEach
    void script() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", "/api/residency/v1/move-ins", r -> Answer.json(200, "[]"));
        GatewayStandIn.answer("GET", "/api/residency/v1/certificates", r -> Answer.json(200, "[]"));
        GatewayStandIn.answer("GET", "/api/land/v1/extracts", r -> Answer.json(200, "[]"));
        String[] applications = {
            "{\"id\":\"7d3f0c1e-0000-4000-8000-00000000d001\",\"kind\":\"NEW\",\"status\":\"UNDER_REVIEW\","
                + "\"submittedAt\":\"2026-12-03T01:00:00Z\",\"dueOn\":\"2026-12-14\",\"overdue\":false}",
            "{\"id\":\"7d3f0c1e-0000-4000-8000-00000000d002\",\"kind\":\"REISSUE\",\"status\":\"SUBMITTED\","
                + "\"submittedAt\":\"2026-11-02T01:00:00Z\",\"dueOn\":\"2026-11-11\",\"overdue\":true}",
            "{\"id\":\"7d3f0c1e-0000-4000-8000-00000000d003\",\"kind\":\"NEW\",\"status\":\"ISSUED\","
                + "\"submittedAt\":\"2019-06-10T01:20:00Z\"}"};
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/mine", r -> Answer.json(200,
                "[" + String.join(",", applications) + "]"));
        // The dashboard reads each one's history; one that cannot be read alone is still listed (without it).
        for (String application : java.util.List.of(applications).subList(0, 2)) {
            String id = application.substring(7, 43);
            GatewayStandIn.answer("GET", "/api/passport/v1/applications/" + id, r -> Answer.json(200, application));
        }
    }

    @Test
    void eachApplicationShowsItsDeadlineAndAPassedOneIsSaid() {
        String page = new PageSession(Tokens.of("citizen")).get("/my").then().statusCode(200).extract().asString();
        String passport = page.substring(page.indexOf("id=\"petitions-passport\""));
        passport = passport.substring(0, passport.indexOf("</section>"));
        assertTrue(passport.contains("처리기한 2026-12-14"), passport);
        assertTrue(passport.contains("<strong class=\"portal-overdue\">처리기한이 지났습니다 (기관에서 처리 중)</strong>"),
                passport);
        assertFalse(passport.contains("처리기한 2026-11-11"), "a passed deadline is said, not just dated");
        assertTrue(passport.split("petition-due", -1).length - 1 == 2, "the application without one shows none");
    }
}
