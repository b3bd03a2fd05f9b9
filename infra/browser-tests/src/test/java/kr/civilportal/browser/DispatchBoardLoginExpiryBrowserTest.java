package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import kr.civilportal.launcher.PortalApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The dispatch board outlives a login that ran out: its live stream breaks (here: the console restarts) after
 * every cookie is gone (the console's session and Keycloak's), a report comes in meanwhile, and the board takes
 * the dispatcher through the login and back to the same board (its filter kept) with that report on it, and it
 * is live again. Before, it said "connection lost" until the dispatcher reloaded it by hand.
 */
@ExtendWith(PortalUnderTest.class)
class DispatchBoardLoginExpiryBrowserTest {

    private static final String BOARD = "/admin/dispatch?status=RECEIVED";

    @Test
    void theBoardLogsInAgainAndResumesWithWhatCameInMeanwhile() throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        try (Browser dispatcher = new Browser(portal.baseUrl, "dispatch-board-login-expiry")) {
            dispatcher.open(BOARD);
            dispatcher.logInAs("dispatcher");
            dispatcher.waitUntil(d -> d.getCurrentUrl().endsWith(BOARD));
            // Live once the board has re-read its rows on "ready".
            dispatcher.waitUntil(d -> !dispatcher.text("#board-live").isEmpty());

            dispatcher.forgetAllCookies();
            String missed = "정전으로 엘리베이터 갇힘 " + UUID.randomUUID().toString().substring(0, 8);
            portal.portal.stop(PortalApp.ADMIN_CONSOLE);
            try {
                report(portal.baseUrl, missed);
            } finally {
                portal.portal.start(PortalApp.ADMIN_CONSOLE);
            }

            // The board finds its login gone and opens itself again: Keycloak's login page, then the same board.
            dispatcher.waitUntil(d -> !d.findElements(By.id("username")).isEmpty());
            dispatcher.logInAs("dispatcher");
            dispatcher.waitUntil(d -> d.getCurrentUrl().endsWith(BOARD));
            assertEquals("RECEIVED", new Select(dispatcher.find("#filter-status")).getFirstSelectedOption().getAttribute("value"),
                    "the board kept its filter");
            assertTrue(dispatcher.text("#board-rows").contains(missed), "the report that came in meanwhile is there");
            // What failed meanwhile is the board's own stream and rows while the console was away or the login
            // gone (the stream's redirect to the login included), and the rows' 499 that sent the board to log in.
            List<String> failed = dispatcher.failedSinceLastCheck();
            assertTrue(failed.stream().allMatch(f -> f.contains("/admin/dispatch/events") || f.contains("/admin/dispatch/rows")
                    || f.contains("%2Fadmin%2Fdispatch%2Fevents")), String.join("\n", failed));
            assertTrue(failed.stream().anyMatch(f -> f.contains("/admin/dispatch/rows") && f.contains("→ 499")),
                    "the board learnt that the login ran out: " + String.join("\n", failed));
            dispatcher.checkPage("board-after-login");

            // And it is live again: a new report shows without a reload.
            dispatcher.waitUntil(d -> !dispatcher.text("#board-live").isEmpty());
            dispatcher.driver.executeScript("window.boardNotReloaded = true;");
            String next = "도로 위 낙하물 " + UUID.randomUUID().toString().substring(0, 8);
            report(portal.baseUrl, next);
            dispatcher.waitUntil(d -> dispatcher.text("#board-rows").contains(next));
            assertEquals(Boolean.TRUE, dispatcher.driver.executeScript("return window.boardNotReloaded === true;"));
        }
    }

    private static void report(String base, String description) throws Exception {
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/api/emergency/v1/reports")).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"category\":\"RESCUE\",\"description\":\"" + description
                        + "\",\"latitude\":37.57,\"longitude\":126.98}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, sent.statusCode(), sent.body());
    }
}
