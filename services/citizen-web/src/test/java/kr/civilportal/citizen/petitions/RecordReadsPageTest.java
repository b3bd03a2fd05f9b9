package kr.civilportal.citizen.petitions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 내 정보 열람 기록: both services' logs of officials' reads on one page, each part standing alone. */
@QuarkusTest
class RecordReadsPageTest {

    private final UUID application = UUID.randomUUID();

    @BeforeEach
    void logs() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", "/api/residency/v1/me/access-log", r -> Answer.json(200, "[{\"accessedAt\":"
                + "\"2026-11-20T10:00:00+09:00\",\"official\":\"residency-officer\",\"role\":\"residency-officer\","
                + "\"action\":\"DECIDE_MOVE_IN\",\"reason\":\"전입신고 처리 (승인)\"}]"));
        GatewayStandIn.answer("GET", "/api/passport/v1/me/photo-reads", r -> Answer.json(200, "[{\"applicationId\":\""
                + application + "\",\"readAt\":\"2026-12-01T02:00:00Z\",\"official\":\"passport-officer\","
                + "\"reason\":\"창구 본인 대조\"}]"));
    }

    @Test
    void theCitizenSeesWhoReadWhatAndWhy() {
        new PageSession(Tokens.of("citizen")).get("/my/record-reads").then().statusCode(200)
                .body(containsString("전입신고 처리</td>")).body(containsString("전입신고 처리 (승인)"))
                .body(containsString("residency-officer"))
                .body(containsString("href=\"/my/petitions/passport/" + application + "\">여권 사진 열람</a>"))
                .body(containsString("창구 본인 대조")).body(containsString("passport-officer"))
                .body(containsString("2026-12-01 11:00"));
    }

    @Test
    void aServiceDownHidesOnlyItsOwnPart() {
        GatewayStandIn.answer("GET", "/api/passport/v1/me/photo-reads", r -> Answer.problem(503,
                "{\"type\":\"urn:civilportal:problem:service-unavailable\",\"status\":503}"));
        new PageSession(Tokens.of("citizen")).get("/my/record-reads").then().statusCode(200)
                .body(containsString("전입신고 처리 (승인)"))
                .body(containsString("id=\"unavailable-reads-passport\""))
                .body(not(containsString("창구 본인 대조")));
    }

    @Test
    void nobodyReadIsSaidSo() {
        GatewayStandIn.answer("GET", "/api/residency/v1/me/access-log", r -> Answer.json(200, "[]"));
        GatewayStandIn.answer("GET", "/api/passport/v1/me/photo-reads", r -> Answer.json(200, "[]"));
        new PageSession(Tokens.of("citizen")).get("/my/record-reads").then().statusCode(200)
                .body(containsString("열람 기록이 없습니다."));
    }

    @Test
    void itNeedsASignIn() {
        new PageSession(null).get("/my/record-reads").then().statusCode(org.hamcrest.Matchers.not(200));
    }
}
