package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 담당 and 처리기한 in the move-in queue: two residency officers of 종로구청 (residency-officer, residency-officer3)
 * share it without stepping on each other. The first takes a report; the second finds it no more among the reports
 * nobody holds, sees who holds it and is offered no decision; once it is past its 처리기한 the queue says so in words
 * and counts it; the first lets it go; the second takes it and rejects it, which lets it go.
 */
@ExtendWith(PortalUnderTest.class)
class MoveInCaseHolderBrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A road-name address of residency's register (a move-in names one), in 종로구. */
    private static final String ADDRESS = "서울특별시 종로구 사직로 161, 4층";

    @Test
    void twoOfficersOfOneOfficeTakeTurnsOnOneReport() throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        String id = file(portal, Tokens.of(portal.portal.keycloak().tokenEndpoint(), "citizen2"));
        String row = "#movein-" + id;

        try (Browser first = new Browser(portal.baseUrl, "movein-holder-first");
             Browser second = new Browser(portal.baseUrl, "movein-holder-second")) {
            first.open("/admin/move-ins");
            first.logInAs("residency-officer");
            first.waitUntil(d -> d.getCurrentUrl().contains("/admin/move-ins"));
            assertEquals("미배정", first.text("#holder-" + id));
            assertTrue(first.text("#due-" + id).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"), first.text("#due-" + id));
            first.click("#take-" + id);
            first.find("#holding-done");
            assertTrue(first.text("#holder-" + id).startsWith("residency-officer (내가 담당 중)"),
                    first.text("#holder-" + id));
            first.checkPage("movein-taken");

            // The second officer: not among the reports nobody holds; who holds it, and no decision offered.
            second.open("/admin/move-ins?held=NOBODY");
            second.logInAs("residency-officer3");
            second.waitUntil(d -> d.getCurrentUrl().contains("held=NOBODY"));
            second.find("#filter-q");
            assertTrue(second.all(row).isEmpty(), "held: not among the reports nobody holds");
            second.open("/admin/move-ins");
            assertTrue(second.text("#held-by-other-" + id).contains("residency-officer"), second.text(row));
            assertTrue(second.all("#approve-" + id).isEmpty(), "no decision on another's report");
            assertTrue(second.all("#reject-" + id).isEmpty());
            assertTrue(second.all("#take-" + id).isEmpty());
            second.checkPage("movein-held-by-other");

            // Past its 처리기한 (moved to an hour ago: the services' clocks cannot be), the queue says so and counts it.
            long overdueBefore = Long.parseLong(first.text("#count-overdue"));
            try (Connection c = portal.portal.database().superuser("residency"); PreparedStatement s = c.prepareStatement(
                    "UPDATE move_in_report SET due_at = now() - interval '1 hour' WHERE id = ?::uuid")) {
                s.setString(1, id);
                assertEquals(1, s.executeUpdate());
            }
            first.open("/admin/move-ins");
            assertTrue(first.text("#due-" + id).startsWith("처리기한 경과"), first.text("#due-" + id));
            assertEquals(overdueBefore + 1, Long.parseLong(first.text("#count-overdue")));
            first.checkPage("movein-overdue");

            // The first lets it go; the second takes it and rejects it.
            first.click("#release-" + id);
            first.find("#holding-done");
            assertEquals("미배정", first.text("#holder-" + id));
            second.open("/admin/move-ins?held=NOBODY");
            second.click("#take-" + id);
            second.find("#holding-done");
            second.type("#reason-" + id, "거주 사실 미확인");
            second.click("#reject-" + id);
            assertTrue(second.text("#done").contains("반려"), second.text("#done"));
            assertTrue(second.all(row).isEmpty(), "off the queue");
            second.checkPage("movein-finished");
        }
    }

    /** citizen2 reports a move to 종로구 (both officers' office), through the gateway. */
    private static String file(PortalUnderTest portal, String token) throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/api/residency/v1/move-ins"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + ADDRESS
                        + "\",\"movedInOn\":\"" + today + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }
}
