package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

/**
 * 세대주 변경 (change of household head) from both sides, on 우리 세대 (/my/household): the head of a household of
 * two names the other member as head and says how he stands to her (배우자); the page says it waits for her; she,
 * signed in as herself, sees the request with his name masked and the proposed relation, and consents; the
 * household then shows her as 세대주 and him as 배우자, on her page and on his, and he is no longer offered the form.
 *
 * <p>The household is 정우진 (user {@code citizen5}) and 윤서아 (user {@code citizen6}), demo users of this journey
 * only. Whoever of the two is head when the test starts names the other, so the journey also runs on a portal where
 * it ran before.
 */
@ExtendWith(PortalUnderTest.class)
class HeadChangeBrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Member(String user, String residentId, String name, String masked) {
    }

    private static final Member JEONG = new Member("citizen5", "5e0b7a52-1c1d-4c9e-9f00-000000000008", "정우진", "정*진");
    private static final Member YUN = new Member("citizen6", "5e0b7a52-1c1d-4c9e-9f00-000000000009", "윤서아", "윤*아");

    @Test
    void theHeadNamesTheOtherMemberAndSheConsentsInHerOwnPages() throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        Member head = headNow(portal);
        Member next = head == JEONG ? YUN : JEONG;
        try (Browser filer = new Browser(portal.baseUrl, "head-change-filer");
             Browser newHead = new Browser(portal.baseUrl, "head-change-new-head")) {
            filer.open("/my/household");
            filer.logInAs(head.user());
            filer.waitUntil(d -> d.getCurrentUrl().endsWith("/my/household"));
            String first = filer.text("#household-member-0");
            assertTrue(first.contains(head.name()) && first.contains("세대주"), first);
            filer.find("#head-change");
            filer.checkPage("head-change-form");

            // The new head, and how the filer will stand to her: 배우자.
            filer.click("#new-head-" + next.residentId());
            new Select(filer.find("#relation-" + head.residentId())).selectByValue(head.residentId() + ":SPOUSE");
            filer.click("#head-change-submit");
            assertTrue(filer.text("#done").contains("세대주 변경을 신청했습니다"), filer.text("#done"));
            String waiting = filer.text("#head-change-requests");
            assertTrue(waiting.contains("새 세대주 동의 대기") && waiting.contains(next.masked()), waiting);
            assertFalse(waiting.contains(next.name()), "names masked: " + waiting);
            assertFalse(filer.all("#head-change-requests button[id^=head-change-withdraw-]").isEmpty(),
                    "the filer may withdraw it while it waits");
            assertTrue(filer.all("#head-change").isEmpty(), "no second change while one waits");
            filer.checkPage("head-change-filed");

            // She sees it in her own pages, his name masked, the relation proposed, and consents.
            newHead.open("/my/household");
            newHead.logInAs(next.user());
            newHead.waitUntil(d -> d.getCurrentUrl().endsWith("/my/household"));
            String asked = newHead.text("#head-change-requests");
            assertTrue(asked.contains(head.masked()) && asked.contains("나를 새 세대주로 지정했습니다")
                    && asked.contains("배우자"), asked);
            assertFalse(asked.contains(head.name()), "names masked: " + asked);
            newHead.checkPage("head-change-asked");
            newHead.click("#head-change-requests button[id^=head-change-consent-]");
            assertTrue(newHead.text("#done").contains("세대주가 변경되었습니다"), newHead.text("#done"));
            assertHousehold(newHead, next, head);
            assertTrue(newHead.text("#head-change-requests").contains("변경 완료"),
                    newHead.text("#head-change-requests"));
            newHead.find("#head-change");
            newHead.checkPage("head-change-applied");

            // His page agrees, and he is no longer the one offered the form.
            filer.open("/my/household");
            assertHousehold(filer, next, head);
            assertTrue(filer.all("#head-change").isEmpty(), "only a head names a new head");
            assertEquals(next.residentId(), headNow(portal).residentId(), "residency's record agrees");
        }
    }

    /** 우리 세대 lists the head first, then the other member as 배우자. */
    private static void assertHousehold(Browser page, Member head, Member spouse) {
        String first = page.text("#household-member-0");
        assertTrue(first.contains(head.name()) && first.contains("세대주"), first);
        String second = page.text("#household-member-1");
        assertTrue(second.contains(spouse.name()) && second.contains("배우자"), second);
    }

    /** Who of the two heads the household now, as residency's record says (GET /me as citizen5). */
    private static Member headNow(PortalUnderTest portal) throws Exception {
        String token = Tokens.of(portal.portal.keycloak().tokenEndpoint(), JEONG.user());
        HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl
                + "/api/residency/v1/me")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode(), me.body());
        JsonPath record = JsonPath.from(me.body());
        String headId = record.getString("household.members.find { it.relationToHead == 'HEAD' }.residentId");
        return YUN.residentId().equals(headId) ? YUN : JEONG;
    }
}
