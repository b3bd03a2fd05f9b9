package kr.civilportal.citizen.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 119 report filed while signed in shows on 나의 민원 with its status, followed by its receipt (or, while the
 * gateway's relay holds it, by the relay's); one filed without a login is nobody's; the receipt token is stored
 * encrypted; the list forgets reports after the retention.
 */
@QuarkusTest
class FiledReportsOnTheDashboardTest {

    private static final String REPORTS = "/api/emergency/v1/reports";
    private static final Map<String, String> FIRE = Map.of("category", "FIRE", "description", "연기가 납니다",
            "address", "서울특별시 종로구 세종대로 209");

    @Inject
    FiledReports filed;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void clean() throws SQLException {
        GatewayStandIn.reset();
        scriptTheOtherSections();
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("DELETE FROM filed_report");
        }
    }

    @Test
    void aReportFiledWhileSignedInIsFollowedOnTheDashboard() throws SQLException {
        UUID report = UUID.randomUUID();
        String token = "receipt-" + UUID.randomUUID();
        GatewayStandIn.answer("POST", REPORTS, r -> Answer.json(201,
                "{\"reportId\":\"" + report + "\",\"receiptToken\":\"" + token + "\"}"));
        GatewayStandIn.answer("GET", "/api/emergency/v1/receipts/" + report, r -> Answer.json(200,
                "{\"reportId\":\"" + report + "\",\"status\":\"DISPATCHED\",\"receivedAt\":\"2026-12-04T01:00:00Z\"}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));

        String form = citizen.get("/report-119").then().statusCode(200).extract().asString();
        citizen.post("/report-119", form, FIRE).then().statusCode(303);

        String section = section(citizen.get("/my").then().statusCode(200).extract().asString());
        assertTrue(section.contains("119 신고: 화재"), section);
        assertTrue(section.contains("출동"), "the receipt's status: " + section);
        assertTrue(section.contains("href=\"/report-119/receipts/" + report + "?token=" + token + "\""), section);
        assertFalse(storedTokens().contains(token), "the receipt token is stored encrypted");
        String receipt = GatewayStandIn.received().stream()
                .filter(r -> r.path().equals("/api/emergency/v1/receipts/" + report)).findFirst().orElseThrow()
                .header("Receipt-Token");
        assertEquals(token, receipt, "the dashboard follows the report with its receipt token");
    }

    @Test
    void aReportFiledWithoutALoginIsOnNobodysDashboard() {
        GatewayStandIn.answer("POST", REPORTS, r -> Answer.json(201,
                "{\"reportId\":\"" + UUID.randomUUID() + "\",\"receiptToken\":\"t\"}"));
        PageSession anonymous = new PageSession(null);
        String form = anonymous.get("/report-119").then().statusCode(200).extract().asString();
        anonymous.post("/report-119", form, FIRE).then().statusCode(303);

        assertTrue(filed.of(subject("citizen")).isEmpty());
        assertTrue(section(new PageSession(Tokens.of("citizen")).get("/my").asString()).contains("신청한 민원이 없습니다."));
    }

    @Test
    void aHeldReportShowsAsReceivedUntilTheRelayDeliversItThenItsReceiptIsFollowed() {
        UUID relay = UUID.randomUUID();
        UUID report = UUID.randomUUID();
        filed.remember(subject("citizen"), ReportCategory.RESCUE,
                new ReportAnswers.Accepted(null, null, relay, "relay-token"));
        GatewayStandIn.answer("GET", "/api/emergency/v1/relay/" + relay, r -> Answer.json(200,
                "{\"relayId\":\"" + relay + "\",\"state\":\"HELD\",\"receivedAt\":\"2026-12-04T01:00:00Z\"}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));

        String held = section(citizen.get("/my").asString());
        assertTrue(held.contains("119 신고: 구조") && held.contains("접수"), held);
        assertTrue(held.contains("href=\"/report-119/held/" + relay + "?token=relay-token\""), held);

        GatewayStandIn.reset();
        scriptTheOtherSections();
        GatewayStandIn.answer("GET", "/api/emergency/v1/relay/" + relay, r -> Answer.json(200,
                "{\"relayId\":\"" + relay + "\",\"state\":\"DELIVERED\",\"receivedAt\":\"2026-12-04T01:00:00Z\","
                        + "\"service\":{\"receipt\":{\"reportId\":\"" + report + "\",\"receiptToken\":\"receipt-token\"}}}"));
        GatewayStandIn.answer("GET", "/api/emergency/v1/receipts/" + report, r -> Answer.json(200,
                "{\"reportId\":\"" + report + "\",\"status\":\"CLOSED\",\"receivedAt\":\"2026-12-04T01:00:05Z\"}"));

        String delivered = section(citizen.get("/my").asString());
        assertTrue(delivered.contains("종결"), delivered);
        assertTrue(delivered.contains("href=\"/report-119/receipts/" + report + "?token=receipt-token\""), delivered);
        List<FiledReports.Filed> now = filed.of(subject("citizen"));
        assertEquals(1, now.size());
        assertEquals(report, now.get(0).id(), "from now on it is followed by its receipt");
        assertFalse(now.get(0).held());
    }

    @Test
    void theEmergencyServiceDownShowsItsPanelAndAnotherCitizenSeesNone() {
        UUID report = UUID.randomUUID();
        filed.remember(subject("citizen"), ReportCategory.FIRE, new ReportAnswers.Accepted(report, "t", null, null));
        GatewayStandIn.answer("GET", "/api/emergency/v1/receipts/" + report, r -> Answer.problem(503, "{}"));

        assertTrue(section(new PageSession(Tokens.of("citizen")).get("/my").asString())
                .contains("id=\"unavailable-emergency-report\""));
        assertTrue(filed.of(subject("citizen2")).isEmpty());
    }

    @Test
    void reportsOlderThanTheRetentionAreForgotten() throws SQLException {
        filed.remember(subject("citizen"), ReportCategory.FIRE,
                new ReportAnswers.Accepted(UUID.randomUUID(), "old", null, null));
        filed.remember(subject("citizen"), ReportCategory.FIRE,
                new ReportAnswers.Accepted(UUID.randomUUID(), "new", null, null));
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "UPDATE filed_report SET filed_at = now() - interval '31 days' WHERE report_id = ("
                        + "SELECT report_id FROM filed_report ORDER BY filed_at LIMIT 1)")) {
            s.executeUpdate();
        }

        assertEquals(1, filed.purgeExpired());
        assertEquals(List.of("new"), filed.of(subject("citizen")).stream().map(FiledReports.Filed::token).toList());
    }

    /** The dashboard's other sections: nothing filed, nothing issued. */
    private static void scriptTheOtherSections() {
        GatewayStandIn.answer("GET", "/api/residency/v1/move-ins", r -> Answer.json(200, "[]"));
        GatewayStandIn.answer("GET", "/api/passport/v1/applications/mine", r -> Answer.json(200, "[]"));
        GatewayStandIn.answer("GET", "/api/residency/v1/certificates", r -> Answer.json(200, "[]"));
        GatewayStandIn.answer("GET", "/api/land/v1/extracts", r -> Answer.json(200, "[]"));
    }

    private String storedTokens() throws SQLException {
        StringBuilder all = new StringBuilder();
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT token FROM filed_report")) {
            while (r.next()) {
                all.append(new String(r.getBytes(1), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    /** The 119 section of 나의 민원. */
    private static String section(String page) {
        int start = page.indexOf("id=\"petitions-emergency-report\"");
        assertTrue(start >= 0, page);
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static String subject(String user) {
        String payload = Tokens.of(user).split("\\.")[1];
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return json.replaceAll("(?s).*\"sub\":\"([^\"]+)\".*", "$1");
    }
}
