package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A dispatcher's board shows a report sent from a phone while they look at it, without reloading; they
 * acknowledge it, dispatch a unit, leave a note on the report's own page (which its history shows) and close it.
 */
@ExtendWith(PortalUnderTest.class)
class DispatcherLiveBoardBrowserTest {

    @Test
    void aNewReportAppearsOnTheBoardWithoutReloadingAndIsWorkedToTheEnd() throws Exception {
        String base = PortalUnderTest.get().baseUrl;
        try (Browser dispatcher = new Browser(base, "dispatch-board")) {
            dispatcher.open("/admin/dispatch");
            dispatcher.logInAs("dispatcher");
            dispatcher.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/dispatch"));
            dispatcher.find("#board-rows");
            dispatcher.checkPage("board");
            // The live stream is connected once the board has re-read its rows on "ready".
            dispatcher.waitUntil(d -> !dispatcher.text("#board-live").isEmpty());
            dispatcher.driver.executeScript("window.boardNotReloaded = true;");

            String text = "교차로 차량 화재 " + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/api/emergency/v1/reports")).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"category\":\"FIRE\",\"description\":\"" + text
                            + "\",\"latitude\":37.57,\"longitude\":126.98}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, sent.statusCode(), sent.body());
            String id = sent.body().replaceAll(".*\"reportId\":\"([^\"]+)\".*", "$1");

            dispatcher.waitUntil(d -> dispatcher.text("#board-rows").contains(text));
            assertEquals(Boolean.TRUE, dispatcher.driver.executeScript("return window.boardNotReloaded === true;"),
                    "the row came in without a reload");
            assertTrue(dispatcher.text("#board-live").contains("새 신고"));
            dispatcher.checkPage("new-report-live");

            dispatcher.click("#ack-" + id);
            dispatcher.waitUntil(d -> dispatcher.text("#report-" + id + " .report-status").contains("확인됨"));
            dispatcher.type("#unit-" + id, "종로소방서 펌프1");
            dispatcher.click("#assign-" + id);
            dispatcher.waitUntil(d -> dispatcher.text("#report-" + id + " .report-status").contains("종로소방서 펌프1"));

            // A note on the report's own page (메모): an empty one is refused, then it joins the history.
            dispatcher.click("#details-" + id);
            dispatcher.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/dispatch/" + id));
            dispatcher.click("#note-add");
            assertTrue(dispatcher.text("#text-error").contains("메모를 입력하세요"));
            dispatcher.checkPage("note-empty");
            String note = "신고자에게 회신 전화함: 차량 2대, 인명 피해 없음";
            dispatcher.type("#text", note);
            dispatcher.click("#note-add");
            dispatcher.waitUntil(d -> d.getCurrentUrl().contains("noted=true"));
            String history = dispatcher.text("#history");
            assertTrue(history.contains("출동 지령") && history.contains("종로소방서 펌프1"), history);
            assertTrue(history.contains("메모") && history.contains(note), history);
            dispatcher.checkPage("noted");
            dispatcher.open("/admin/dispatch");
            dispatcher.waitUntil(d -> dispatcher.text("#board-rows").contains(text));
            dispatcher.click("#close-" + id);
            dispatcher.waitUntil(d -> dispatcher.text("#report-" + id + " .report-status").contains("종결"));
            dispatcher.checkPage("closed");
        }
    }
}
