package kr.civilportal.citizen.petitions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 나의 민원 names the office deciding a move-in (관할 기관) when residency names it, and nothing when it does not. */
@QuarkusTest
class MoveInOfficeShownTest {

    @BeforeEach
    void script() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", "/api/residency/v1/move-ins", r -> Answer.json(200, "["
                + "{\"id\":\"5b1e0c1e-0000-4000-8000-00000000a001\",\"mode\":\"NEW_HOUSEHOLD\",\"status\":\"SUBMITTED\","
                + "\"submittedAt\":\"2026-12-03T01:00:00Z\",\"office\":\"SEOUL-MAPO\",\"officeName\":\"마포구청\"},"
                + "{\"id\":\"5b1e0c1e-0000-4000-8000-00000000a002\",\"mode\":\"JOIN_HOUSEHOLD\",\"status\":\"REJECTED\","
                + "\"submittedAt\":\"2026-11-03T01:00:00Z\",\"decidedAt\":\"2026-11-04T01:00:00Z\","
                + "\"rejectionReason\":\"세대주 미동의\"}]"));
        GatewayStandIn.answer("GET", "/api/residency/v1/certificates", r -> Answer.json(200, "[]"));
        GatewayStandIn.answer("GET", "/api/land/v1/extracts", r -> Answer.json(200, "[]"));
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/mine", r -> Answer.json(200, "[]"));
    }

    @Test
    void aMoveInNamesItsOfficeWhereResidencyNamesOne() {
        String page = new PageSession(Tokens.of("citizen")).get("/my").then().statusCode(200).extract().asString();
        String residency = page.substring(page.indexOf("id=\"petitions-residency\""));
        residency = residency.substring(0, residency.indexOf("</section>"));
        assertTrue(residency.contains("전입신고 · 마포구청"), residency);
        assertTrue(residency.split("전입신고", -1).length - 1 >= 2, "both reports are listed: " + residency);
        assertTrue(residency.split("·", -1).length - 1 == 1, "the one without an office names none: " + residency);
    }
}
