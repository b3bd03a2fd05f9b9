package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import kr.civilportal.launcher.PortalApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A 119 report held by the gateway while the 119 service was stopped, then refused by the service when forwarded
 * (a position off the map, as a broken app might send), is not left in a table: the dispatch supervisor finds it in
 * the console, reads it with a reason, and settles it saying how; the reporter's follow link then says so.
 */
@ExtendWith(PortalUnderTest.class)
class HeldReportSupervisorBrowserTest {

    /** The forwarder backs off up to a minute while the service is away; then it needs a pass. */
    private static final Duration FORWARDED_WITHIN = Duration.ofSeconds(180);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSupervisorReadsARefusedReportAndSettlesIt() throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        String marker = "앱 오류로 위치가 잘못된 신고 " + UUID.randomUUID().toString().substring(0, 8);
        JsonPath held;
        portal.portal.stop(PortalApp.EMERGENCY_REPORT);
        try {
            held = report(portal.baseUrl, marker);
        } finally {
            portal.portal.start(PortalApp.EMERGENCY_REPORT);
        }
        String relayId = held.getString("relayId");
        String follow = portal.baseUrl + held.getString("followUrl");
        waitForState(follow, "FAILED");

        try (Browser supervisor = new Browser(portal.baseUrl, "held-report-supervisor")) {
            supervisor.open("/admin/held-reports");
            supervisor.logInAs("supervisor");
            supervisor.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/held-reports"));
            String row = supervisor.text("#held-" + relayId);
            assertTrue(row.contains("전달 실패") && row.contains("400"), row);
            assertTrue(!supervisor.text("main").contains(marker), "the list holds no report's content");
            supervisor.checkPage("held-reports");

            supervisor.click("#held-" + relayId + " a");
            supervisor.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/held-reports/" + relayId));
            assertTrue(supervisor.text("#held-refusal").contains("latitude"), supervisor.text("#held-refusal"));
            supervisor.type("#reason", "전달 실패 신고 확인 후 신고자 회신");
            supervisor.click("#read-submit");
            String content = supervisor.text("#held-content");
            assertTrue(content.contains(marker) && content.contains("010-2468-1357"), content);
            assertTrue(supervisor.text("#held-steps").contains("전달 실패 신고 확인 후 신고자 회신"));
            supervisor.checkPage("held-report-read");

            supervisor.type("#note", "신고자에게 전화해 위치 확인, 종합상황실에 직접 접수");
            supervisor.click("#resolve-submit");
            supervisor.find("#done");
            assertEquals("처리 완료", supervisor.text("#held-state"));
            assertTrue(supervisor.text("#held-resolution").contains("supervisor"));
            supervisor.find("#content-gone");
            supervisor.checkPage("held-report-settled");
        }

        JsonPath followed = JsonPath.from(http.send(HttpRequest.newBuilder(URI.create(follow)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("RESOLVED", followed.getString("state"));
        assertTrue(followed.getString("messageKo").contains("다른 방법으로"), followed.prettify());
    }

    private JsonPath report(String base, String description) throws Exception {
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(base + "/api/emergency/v1/reports"))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"category\":\"RESCUE\",\"description\":\"" + description
                        + "\",\"latitude\":95.0,\"longitude\":126.98,\"reporterPhone\":\"010-2468-1357\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, sent.statusCode(), "held while the service is stopped: " + sent.body());
        return JsonPath.from(sent.body());
    }

    /** Polls the reporter's own follow link, as the reporter's page does, until the forwarder has tried it. */
    private void waitForState(String follow, String state) throws Exception {
        Instant until = Instant.now().plus(FORWARDED_WITHIN);
        String seen = "";
        while (Instant.now().isBefore(until)) {
            seen = JsonPath.from(http.send(HttpRequest.newBuilder(URI.create(follow)).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).getString("state");
            if (state.equals(seen)) {
                return;
            }
            Thread.sleep(1000); // a poll interval, not a wait for readiness: the state is read each time
        }
        throw new AssertionError("still " + seen + " after " + FORWARDED_WITHIN.toSeconds() + " s");
    }
}
