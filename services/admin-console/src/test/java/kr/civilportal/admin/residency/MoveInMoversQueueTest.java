package kr.civilportal.admin.residency;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 세대 전부/일부 전입 in the move-in queue: how many each report moves, and who, by the names residency masks. */
@QuarkusTest
class MoveInMoversQueueTest {

    private final UUID household = UUID.randomUUID();
    private final UUID alone = UUID.randomUUID();
    private final UUID older = UUID.randomUUID();

    @BeforeEach
    void queue() {
        GatewayStandIn.reset();
        String common = ",\"residentId\":\"" + UUID.randomUUID() + "\",\"mode\":\"NEW_HOUSEHOLD\",\"relationToHead\":\"HEAD\","
                + "\"address\":\"서울특별시 마포구 월드컵북로 400\",\"movedInOn\":\"2026-11-20\",\"status\":\"SUBMITTED\","
                + "\"submittedAt\":\"2026-11-20T09:00:00+09:00\"";
        GatewayStandIn.answer("GET", "/api/residency/v1/officer/move-ins", r -> Answer.json(200, "["
                + "{\"id\":\"" + household + "\",\"residentName\":\"김지민\"" + common + ",\"moverCount\":3,\"movers\":["
                + "{\"name\":\"박*호\",\"relationToHead\":\"SPOUSE\"},{\"name\":\"박*린\",\"relationToHead\":\"CHILD\"}]},"
                + "{\"id\":\"" + alone + "\",\"residentName\":\"이서준\"" + common + ",\"moverCount\":1,\"movers\":[]},"
                // As an older residency answers: no count at all.
                + "{\"id\":\"" + older + "\",\"residentName\":\"최도현\"" + common + "}]"));
    }

    @Test
    void eachReportSaysHowManyMoveAndWhoByMaskedName() {
        String page = new PageSession(Tokens.of("residency-officer")).get("/admin/move-ins").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("id=\"movers-" + household + "\">3명 (신고인 포함): 박*호 (배우자), 박*린 (자녀)</dd>"), page);
        assertTrue(page.contains("id=\"movers-" + alone + "\">1명 (신고인 포함)</dd>"), page);
        assertTrue(page.contains("id=\"movers-" + older + "\">1명 (신고인 포함)</dd>"), page);
        assertFalse(page.contains("박준호"), page);
    }

    @Test
    void inEnglishToo() {
        PageSession officer = new PageSession(Tokens.of("residency-officer"));
        officer.cookies().put("lang", "en");
        String page = officer.get("/admin/move-ins").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"movers-" + household + "\">3 (the filer included): 박*호 (Spouse), 박*린 (Child)</dd>"), page);
    }
}
