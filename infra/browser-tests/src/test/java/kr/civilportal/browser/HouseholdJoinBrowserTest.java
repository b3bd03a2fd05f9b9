package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 세대 합가: a citizen asks to join a household by its head's number and learns nothing about it (no address on
 * any page); the head sees the request (the asker's name masked) on their own page and declines; the asker reads
 * the refusal. The security finding was that a JOIN answered the household's address to anyone with the number.
 */
@ExtendWith(PortalUnderTest.class)
class HouseholdJoinBrowserTest {

    private static final String HEAD_NUMBER = "900315-2123451"; // 김지민 (user citizen), head of 세종대로 209
    private static final String HEADS_STREET = "세종대로 209";

    @Test
    void theHeadDeclinesARequestWhoseAskerNeverSawTheAddress() {
        String base = PortalUnderTest.get().baseUrl;
        try (Browser asker = new Browser(base, "join-asker")) {
            asker.open("/my/move-in");
            asker.logInAs("citizen2");
            asker.waitUntil(d -> d.getCurrentUrl().endsWith("/my/move-in"));
            asker.click("#mode-JOIN_HOUSEHOLD");
            asker.type("#headNumber", HEAD_NUMBER);
            asker.driver.executeScript("document.getElementById('relation').value = 'SIBLING'");
            asker.driver.executeScript("document.getElementById('movedInOn').value = arguments[0]",
                    LocalDate.now(ZoneId.of("Asia/Seoul")).toString());
            asker.click("form[action^='/my/move-in?'] button[type=submit]");
            asker.waitUntil(d -> d.getCurrentUrl().contains("/my?filed"));
            String residency = asker.text("#petitions-residency");
            assertTrue(residency.contains("세대주의 동의를 기다리고"), residency);
            assertFalse(asker.text("main").contains(HEADS_STREET), "the asker's dashboard shows no address");

            asker.open("/my/household");
            assertTrue(asker.all("[id^=withdraw-]").size() == 1, "the asker may take the request back");
            assertFalse(asker.text("main").contains(HEADS_STREET), "nor does the household page");
            asker.checkPage("household-asker");

            try (Browser head = new Browser(base, "join-head")) {
                head.open("/my/household");
                head.logInAs("citizen");
                head.waitUntil(d -> d.getCurrentUrl().endsWith("/my/household"));
                String request = head.text("#join-requests");
                assertTrue(request.contains("이*연") && !request.contains("이서연"), request);
                head.checkPage("household-head");
                head.click("#join-requests button[id^=decline-]");
                head.waitUntil(d -> d.getCurrentUrl().contains("done=declined"));
                assertTrue(head.all("#join-requests").isEmpty(), "nothing waits any more");
                head.checkPage("household-declined");
            }

            asker.open("/my");
            residency = asker.text("#petitions-residency");
            assertTrue(residency.contains("반려") && residency.contains("동의하지 않았습니다"), residency);
            assertFalse(asker.text("main").contains(HEADS_STREET));
        }
    }
}
