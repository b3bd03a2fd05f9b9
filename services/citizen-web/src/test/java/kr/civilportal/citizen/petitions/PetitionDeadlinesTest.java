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

/**
 * 나의 민원 shows each passport application's and undecided move-in report's 처리기한 as the service counts it (a day
 * for passports, a moment in office hours for move-ins), and says so when it has passed.
 */
@QuarkusTest
class PetitionDeadlinesTest {

    @BeforeEach
    void script() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", "/api/residency/v1/move-ins", r -> Answer.json(200, "["
                + "{\"id\":\"5e0b7a52-0000-4000-8000-00000000e001\",\"mode\":\"NEW_HOUSEHOLD\",\"status\":\"SUBMITTED\","
                + "\"submittedAt\":\"2026-12-07T01:30:00Z\",\"dueAt\":\"2026-12-08T10:30:00+09:00\",\"overdue\":false},"
                + "{\"id\":\"5e0b7a52-0000-4000-8000-00000000e002\",\"mode\":\"NEW_HOUSEHOLD\",\"status\":\"REJECTED\","
                + "\"rejectionReason\":\"거주 사실 미확인\",\"submittedAt\":\"2026-11-02T01:30:00Z\","
                + "\"decidedAt\":\"2026-11-02T05:00:00Z\",\"dueAt\":\"2026-11-03T10:30:00+09:00\",\"overdue\":false}]"));
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

    @Test
    void anUndecidedMoveInShowsTheMomentItIsDueAndADecidedOneNone() {
        String page = new PageSession(Tokens.of("citizen")).get("/my").then().statusCode(200).extract().asString();
        String residency = page.substring(page.indexOf("id=\"petitions-residency\""));
        residency = residency.substring(0, residency.indexOf("</section>"));
        assertTrue(residency.contains("처리기한 2026-12-08 10:30"), residency);
        assertTrue(residency.split("petition-due", -1).length - 1 == 1, "the decided report shows no deadline");
    }
}
