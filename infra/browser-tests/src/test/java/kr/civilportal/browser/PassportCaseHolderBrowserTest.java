package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

/**
 * 담당: two passport officers share the queue without stepping on each other. The first takes an application and
 * starts its review; the second finds it in nobody's list no more, sees who holds it and is offered no step; the
 * first lets it go; the second takes it and finishes it, which lets it go. A case whose holder is away is taken
 * over by a colleague with a reason (담당 인계). An officer of another office (부산시청) finds it neither in the
 * queue nor by its address. An officer assigns an application to a colleague (배정), who works it.
 */
@ExtendWith(PortalUnderTest.class)
class PassportCaseHolderBrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** passport-officer2's account id (the dev realm): what the assignment form sends. */
    private static final String PASSPORT_OFFICER2 = "a1c2e3f4-0000-4000-8000-000000000018";

    @Test
    void twoOfficersTakeTurnsOnOneApplication() throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        String id = apply(portal, Tokens.of(portal.portal.keycloak().tokenEndpoint(), "citizen"));
        String page = "/admin/passports/" + id;

        try (Browser first = new Browser(portal.baseUrl, "passport-holder-first");
             Browser second = new Browser(portal.baseUrl, "passport-holder-second")) {
            first.open(page);
            first.logInAs("passport-officer");
            first.waitUntil(d -> d.getCurrentUrl().endsWith(page));
            assertEquals("미배정", first.text("#application-holder"));
            first.click("#take-submit");
            first.find("#holding-done");
            assertTrue(first.text("#application-holder").contains("passport-officer (내가 담당 중)"),
                    first.text("#application-holder"));
            first.checkPage("taken");

            // The second officer: not among the unheld any more; who holds it, and no step offered.
            second.open("/admin/passports?status=SUBMITTED&held=NOBODY");
            second.logInAs("passport-officer2");
            second.waitUntil(d -> d.getCurrentUrl().contains("held=NOBODY"));
            assertEquals("NOBODY", new Select(second.find("#filter-held")).getFirstSelectedOption().getAttribute("value"));
            assertTrue(second.all("#applications a[href='" + page + "']").isEmpty(), "held: not in nobody's list");
            second.checkPage("queue-unheld");
            second.open(page);
            second.find("#held-by-other");
            assertTrue(second.text("#application-holder").startsWith("passport-officer ·"),
                    second.text("#application-holder"));
            assertTrue(second.all("form[action*='/transitions']").isEmpty(), "no step on another's case");
            assertTrue(second.all("#take-submit").isEmpty());
            second.checkPage("held-by-other");

            // The first starts the review, and lets it go.
            step(first, "UNDER_REVIEW", "심사 중");
            first.click("#release-submit");
            first.find("#holding-done");
            assertEquals("미배정", first.text("#application-holder"));

            // The second takes it and finishes it; the first now sees who holds it.
            second.open(page);
            second.click("#take-submit");
            second.find("#holding-done");
            new Select(second.find("#to")).selectByValue("REJECTED");
            second.type("#reason", "신청인 요청으로 취소");
            second.click("form[action*='/transitions?'] button[type=submit]");
            second.waitUntil(d -> d.getCurrentUrl().contains("moved=true"));
            assertEquals("반려", second.text("#application-status"));
            second.checkPage("finished");

            first.open("/admin/passports?status=REJECTED&held=MINE");
            first.find("#applications");
            assertTrue(first.all("#applications a[href='" + page + "']").isEmpty(), "not the first officer's case");
            // Finished: nobody holds it any more; the history says who did what.
            first.open(page);
            assertEquals("처리 종결 (담당 해제)", first.text("#application-holder"));
        }
    }

    @Test
    void aColleagueTakesOverACaseWhoseHolderIsAwayWithAReason() throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        String id = apply(portal, Tokens.of(portal.portal.keycloak().tokenEndpoint(), "citizen"));
        String page = "/admin/passports/" + id;
        // The first officer took it (by the API, as their console would) and is away.
        HttpResponse<String> taken = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl
                        + "/api/passport/v1/applications/" + id + "/holder"))
                .header("Authorization", "Bearer " + Tokens.of(portal.portal.keycloak().tokenEndpoint(),
                        "passport-officer")).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, taken.statusCode(), taken.body());

        try (Browser colleague = new Browser(portal.baseUrl, "passport-takeover")) {
            colleague.open(page);
            colleague.logInAs("passport-officer2");
            colleague.waitUntil(d -> d.getCurrentUrl().endsWith(page));
            colleague.find("#held-by-other");
            // No reason: said next to the field, nothing taken.
            colleague.click("#takeover-submit");
            assertTrue(colleague.text("#takeoverReason-error").contains("인계 사유"), colleague.text("main"));
            colleague.checkPage("takeover-no-reason");
            colleague.type("#takeoverReason", "담당자 휴가, 처리기한 임박");
            colleague.click("#takeover-submit");
            colleague.waitUntil(d -> d.getCurrentUrl().contains("holding=taken-over"));
            assertTrue(colleague.text("#holding-done").contains("인계받았습니다"));
            String holder = colleague.text("#application-holder");
            assertTrue(holder.startsWith("passport-officer2 (내가 담당 중)")
                    && holder.contains("passport-officer님에게서 인계 (사유: 담당자 휴가, 처리기한 임박)"), holder);
            assertTrue(colleague.all("form[action*='/transitions']").size() > 0, "the colleague may work it now");
            colleague.checkPage("taken-over");
        }
        // The officer who was away is now the other one: their step is refused, naming who holds it.
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl
                        + "/api/passport/v1/applications/" + id + "/transitions"))
                .header("Authorization", "Bearer " + Tokens.of(portal.portal.keycloak().tokenEndpoint(),
                        "passport-officer")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"UNDER_REVIEW\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("passport-officer2"), refused.body());
    }

    /**
     * 배정: an officer gives an application nobody holds to a colleague of the office (who has opened their queue),
     * chosen on the assignment page, where 부산시청's officer is not offered; the colleague finds it theirs, assigned
     * by the first, and works it, while the first is offered no step any more.
     */
    @Test
    void anOfficerAssignsAnApplicationToAColleagueWhoWorksIt() throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        try (Browser busan = new Browser(portal.baseUrl, "passport-assign-other-office");
             Browser colleague = new Browser(portal.baseUrl, "passport-assignee");
             Browser first = new Browser(portal.baseUrl, "passport-assigner")) {
            // Officers are offered as colleagues once they have opened their work (passport's 직원 명부).
            busan.open("/admin/passports?status=SUBMITTED");
            busan.logInAs("passport-officer3");
            busan.waitUntil(d -> d.getCurrentUrl().contains("status=SUBMITTED"));
            colleague.open("/admin/passports?status=SUBMITTED");
            colleague.logInAs("passport-officer2");
            colleague.waitUntil(d -> d.getCurrentUrl().contains("status=SUBMITTED"));

            String id = apply(portal, Tokens.of(portal.portal.keycloak().tokenEndpoint(), "citizen"));
            String page = "/admin/passports/" + id;
            first.open(page);
            first.logInAs("passport-officer");
            first.waitUntil(d -> d.getCurrentUrl().endsWith(page));
            first.click("#assign-link");
            first.find("#assignment-form");
            assertTrue(first.all("#assignment-form label").stream().noneMatch(l -> l.getText().startsWith(
                    "passport-officer3")), "부산시청's officer is not offered");
            first.checkPage("assignment");
            // Sent without a choice: said next to the choices, nothing assigned.
            first.click("#assign-submit");
            assertTrue(first.text("#assignee-error").contains("선택하세요"), first.text("main"));
            first.click("#assignment-form input[value='" + PASSPORT_OFFICER2 + "']");
            first.click("#assign-submit");
            first.waitUntil(d -> d.getCurrentUrl().contains("holding=assigned"));
            assertTrue(first.text("#application-assigned-by").contains("passport-officer님이 배정"),
                    first.text("#application-holder"));
            assertTrue(first.all("form[action*='/transitions']").isEmpty(), "the colleague's case now");

            colleague.open("/admin/passports?status=SUBMITTED&held=MINE");
            colleague.find("#applications a[href='" + page + "']");
            colleague.open(page);
            assertTrue(colleague.text("#application-holder").startsWith("passport-officer2 (내가 담당 중)"),
                    colleague.text("#application-holder"));
            step(colleague, "UNDER_REVIEW", "심사 중");
        }
    }

    @Test
    void anOfficerOfAnotherOfficeNeitherSeesNorOpensAnApplication() throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        String id = apply(portal, Tokens.of(portal.portal.keycloak().tokenEndpoint(), "citizen"));
        String page = "/admin/passports/" + id;
        try (Browser busan = new Browser(portal.baseUrl, "passport-other-office")) {
            busan.open("/admin/passports?status=SUBMITTED");
            busan.logInAs("passport-officer3");
            busan.waitUntil(d -> d.getCurrentUrl().contains("status=SUBMITTED"));
            busan.find("#filter-held");
            assertTrue(busan.all("#applications a[href='" + page + "']").isEmpty(), "종로구청's application: not listed");
            busan.open(page);
            assertEquals("민원을 찾을 수 없습니다.", busan.text("#application-not-found"));
            assertTrue(busan.all("#take-submit").isEmpty() && busan.all("form[action*='/transitions']").isEmpty());
            busan.checkPage("other-office");
        }
        // Nor through the API: as if it did not exist.
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl
                        + "/api/passport/v1/applications/" + id))
                .header("Authorization", "Bearer " + Tokens.of(portal.portal.keycloak().tokenEndpoint(),
                        "passport-officer3")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, read.statusCode(), read.body());
    }

    private static void step(Browser officer, String to, String statusShown) {
        new Select(officer.find("#to")).selectByValue(to);
        officer.click("form[action*='/transitions?'] button[type=submit]");
        officer.waitUntil(d -> d.getCurrentUrl().contains("moved=true"));
        assertEquals(statusShown, officer.text("#application-status"));
    }

    private static String apply(PortalUnderTest portal, String token) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/api/passport/v1/applications"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58,\"office\":\"SEOUL-JONGNO\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }
}
