package kr.civilportal.admin.dispatch;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A report's own page: its history with the dispatchers' notes (메모), and a note added once, with a key. */
@QuarkusTest
class DispatchReportPageTest {

    private static final String API = "/api/emergency/v1/reports/";
    private final UUID id = UUID.randomUUID();

    @BeforeEach
    void report() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", API + id, r -> Answer.json(200, "{\"reportId\":\"" + id + "\",\"category\":\"FIRE\","
                + "\"description\":\"3층 창문에서 연기\",\"latitude\":37.5,\"longitude\":126.9,\"reporterPhone\":\"010-1234-5678\","
                + "\"status\":\"ACKNOWLEDGED\",\"priority\":1,\"receivedAt\":\"2026-11-20T01:00:00Z\",\"attachments\":[]}"));
        GatewayStandIn.answer("GET", API + id + "/events", r -> Answer.json(200, "[{\"kind\":\"RECEIVED\","
                + "\"at\":\"2026-11-20T01:00:00Z\",\"actor\":\"reporter\"},{\"kind\":\"ACKNOWLEDGED\","
                + "\"at\":\"2026-11-20T01:01:00Z\",\"actor\":\"dispatcher\"},{\"kind\":\"NOTE\","
                + "\"at\":\"2026-11-20T01:02:00Z\",\"actor\":\"dispatcher\",\"detail\":\"신고자에게 회신 전화함\"}]"));
    }

    @Test
    void theHistoryShowsTheNotesAndANoteIsAddedOnce() {
        GatewayStandIn.answer("POST", API + id + "/notes", r -> Answer.json(201, "{}"));
        PageSession dispatcher = new PageSession(Tokens.of("dispatcher"));
        String page = dispatcher.get("/admin/dispatch/" + id).then().statusCode(200)
                .body(containsString("신고자에게 회신 전화함")).body(containsString("010-1234-5678"))
                .extract().asString();

        // An empty note: said so, nothing sent.
        dispatcher.post("/admin/dispatch/" + id + "/notes", page, Map.of("text", "  ")).then().statusCode(400)
                .body(containsString("id=\"text-error\""));
        dispatcher.post("/admin/dispatch/" + id + "/notes", page, Map.of("text", "a".repeat(2001)))
                .then().statusCode(400).body(containsString("2000"));
        assertEquals(List.of(), notes());

        dispatcher.post("/admin/dispatch/" + id + "/notes", page, Map.of("text", " 현장 도착 5분 예상 ")).then()
                .statusCode(303).header("Location", containsString("/admin/dispatch/" + id + "?noted=true"));
        List<GatewayStandIn.Request> sent = notes();
        assertEquals(1, sent.size());
        assertEquals("{\"text\":\"현장 도착 5분 예상\"}", sent.get(0).body());
        assertNotNull(sent.get(0).header("Idempotency-Key"), "a resend of the form adds no second note");
    }

    @Test
    void aReportTheServiceDoesNotKnowIsNotFound() {
        UUID unknown = UUID.randomUUID();
        new PageSession(Tokens.of("dispatcher")).get("/admin/dispatch/" + unknown).then().statusCode(404);
    }

    @Test
    void onlyDispatchersOpenIt() {
        new PageSession(Tokens.of("passport-officer")).get("/admin/dispatch/" + id).then().statusCode(403);
    }

    private static List<GatewayStandIn.Request> notes() {
        return GatewayStandIn.received().stream().filter(r -> r.path().endsWith("/notes")).toList();
    }
}
