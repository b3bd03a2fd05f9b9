package kr.civilportal.citizen.notification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 알림함: the citizen's notifications as the notification service lists them (through the gateway), unread ones
 * marked in words, each linking to its petition's page where there is one; 읽음으로 표시 is one POST to the service
 * and back to the list; none said plainly; the service silent, the page's "unavailable" panel (503).
 */
@QuarkusTest
class NotificationsPageTest {

    static final String LIST = "/api/notification/v1/me/notifications";
    static final String COUNT = LIST + "/unread-count";
    static final String MOVE_IN = "3f0e1c2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    static final String PASSPORT = "6a0e3d5c-4b1f-4f2e-9c1a-2b3c4d5e6f70";
    static final String FIRST = "11111111-1111-4111-8111-111111111111";
    static final String SECOND = "22222222-2222-4222-8222-222222222222";
    static final String THIRD = "33333333-3333-4333-8333-333333333333";
    static final String FOURTH = "44444444-4444-4444-8444-444444444444";

    static String item(String id, String type, String source, String petitionId, String title, String readAt) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"source\":\"" + source + "\",\"petitionId\":"
                + (petitionId == null ? "null" : "\"" + petitionId + "\"") + ",\"language\":\"ko\",\"title\":\""
                + title + "\",\"body\":\"" + title + " 본문\",\"occurredAt\":\"2026-12-07T01:02:03.123Z\","
                + "\"createdAt\":\"2026-12-07T01:02:04Z\",\"readAt\":" + (readAt == null ? "null" : "\"" + readAt + "\"")
                + "}";
    }

    /** Four notifications, newest first: two unread (move-in, passport), two read (a certificate, an unknown kind). */
    static String inbox() {
        return "{\"items\":[" + item(FIRST, "residency.move-in.approved", "residency", MOVE_IN,
                "전입신고 처리 완료 (3f0e1c2a)", null) + ","
                + item(SECOND, "passport.application.received", "passport", PASSPORT, "여권 발급 신청 접수 (6a0e3d5c)", null)
                + "," + item(THIRD, "residency.certificate.issued", "residency", "1234-5678-9012-3452",
                        "주민등록표 발급 (1234-5678-9012-3452)", "2026-12-07T02:00:00Z")
                + "," + item(FOURTH, "land-registry.owner-change.decided", "land-registry", "x-1", "토지 소유자 변경",
                        "2026-12-07T02:00:00Z")
                + "],\"page\":0,\"size\":20,\"total\":4}";
    }

    /** The {@code n}th item of the list, from its id to its end. */
    static String item(String page, int n) {
        int start = page.indexOf("id=\"notification-" + n + "\"");
        assertTrue(start >= 0, "no notification " + n + ": " + page);
        return page.substring(start, page.indexOf("</li>", start));
    }

    @BeforeEach
    void script() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", LIST, r -> Answer.json(200, inbox()));
        GatewayStandIn.answer("GET", COUNT, r -> Answer.json(200, "{\"unread\":2}"));
    }

    @Test
    void theCitizenSeesTheirNotificationsUnreadOnesMarkedInWords() {
        String page = new PageSession(Tokens.of("citizen")).get("/my/notifications").then().statusCode(200)
                .body(containsString("<h1>알림함</h1>")).body(containsString("id=\"notifications\""))
                .body(not(containsString("id=\"unavailable\""))).extract().asString();
        String first = item(page, 0);
        assertTrue(page.contains("<li class=\"portal-notification unread\" id=\"notification-0\""), page);
        assertTrue(page.contains("<li class=\"portal-notification\" id=\"notification-2\""), page);
        assertTrue(first.contains("<span class=\"portal-unread\" id=\"notification-0-unread\">읽지 않음</span>"), first);
        assertTrue(first.contains("전입신고 처리 완료 (3f0e1c2a) 본문"), first);
        assertTrue(first.contains("datetime=\"2026-12-07T01:02:03.123Z\">2026-12-07 10:02</time>"), "in Korea time: " + first);
        assertTrue(first.contains("읽음으로 표시"), first);
        String third = item(page, 2);
        assertFalse(third.contains("읽지 않음"), third);
        assertFalse(third.contains("unread"), third);
        assertFalse(third.contains("<form"), "no button for one already read: " + third);
        assertTrue(third.contains("<span class=\"sr-only\">읽음: </span>"), third);
        List<GatewayStandIn.Request> asked = GatewayStandIn.received().stream().filter(r -> r.path().equals(LIST)).toList();
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).query().contains("page=0") && asked.get(0).query().contains("size=20"), asked.get(0).query());
        assertTrue(asked.get(0).header("Authorization").startsWith("Bearer "), "the citizen's own token");
    }

    @Test
    void eachLinksToItsPetitionsPageWhereThereIsOne() {
        String page = new PageSession(Tokens.of("citizen")).get("/my/notifications").then().statusCode(200)
                .extract().asString();
        assertTrue(item(page, 0).contains("href=\"/my/petitions/move-in/" + MOVE_IN + "\""), item(page, 0));
        assertTrue(item(page, 1).contains("href=\"/my/petitions/passport/" + PASSPORT + "\""), item(page, 1));
        assertTrue(item(page, 2).contains("href=\"/my/certificates\""), item(page, 2));
        assertFalse(item(page, 3).contains("<a "), "no page for what the portal cannot show: " + item(page, 3));
    }

    @Test
    void markingOneReadPostsToTheServiceAndComesBackToTheList() {
        GatewayStandIn.answer("POST", LIST + "/" + FIRST + "/read", r -> Answer.json(200,
                item(FIRST, "residency.move-in.approved", "residency", MOVE_IN, "t", "2026-12-07T03:00:00Z")));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get("/my/notifications").asString();
        citizen.post("/my/notifications/" + FIRST + "/read", page, Map.of()).then().statusCode(303)
                .header("Location", endsWith("/my/notifications?marked=true"));
        List<GatewayStandIn.Request> posts = GatewayStandIn.received().stream()
                .filter(r -> r.method().equals("POST")).toList();
        assertEquals(1, posts.size());
        assertEquals(LIST + "/" + FIRST + "/read", posts.get(0).path());
        citizen.get("/my/notifications?marked=true").then().statusCode(200).body(containsString("id=\"marked\""));
    }

    @Test
    void withoutItsCsrfTokenNothingIsMarked() {
        new PageSession(Tokens.of("citizen")).request().contentType("application/x-www-form-urlencoded")
                .formParam("page", "0").post("/my/notifications/" + FIRST + "/read").then().statusCode(400);
        assertTrue(GatewayStandIn.received().stream().noneMatch(r -> r.method().equals("POST")));
    }

    @Test
    void anotherCitizensNotificationIsNotMarkedAndTheListComesBack() {
        GatewayStandIn.answer("POST", LIST + "/" + FIRST + "/read", r -> Answer.problem(404,
                "{\"type\":\"urn:civilportal:problem:not-found\",\"status\":404}"));
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        String page = citizen.get("/my/notifications").asString();
        citizen.post("/my/notifications/" + FIRST + "/read", page, Map.of()).then().statusCode(303)
                .header("Location", endsWith("/my/notifications"));
    }

    @Test
    void noneIsSaidPlainly() {
        GatewayStandIn.answer("GET", LIST, r -> Answer.json(200, "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}"));
        new PageSession(Tokens.of("citizen")).get("/my/notifications").then().statusCode(200)
                .body(containsString("id=\"notifications-none\"")).body(containsString("받은 알림이 없습니다."))
                .body(not(containsString("id=\"notifications\"")));
    }

    @Test
    void aSilentNotificationServiceIsThePagesUnavailablePanel() {
        GatewayStandIn.answer("GET", LIST, r -> Answer.problem(503,
                "{\"type\":\"urn:civilportal:problem:service-unavailable\",\"status\":503}"));
        GatewayStandIn.answer("GET", COUNT, r -> Answer.problem(503,
                "{\"type\":\"urn:civilportal:problem:service-unavailable\",\"status\":503}"));
        new PageSession(Tokens.of("citizen")).get("/my/notifications").then().statusCode(503)
                .body(containsString("id=\"unavailable\"")).body(containsString("알림 서비스를 지금 이용할 수 없습니다"))
                .body(not(containsString("id=\"unread-badge\"")));
    }

    @Test
    void manyArePagedAndThePageIsAskedFor() {
        GatewayStandIn.answer("GET", LIST, r -> Answer.json(200, inbox().replace("\"page\":0", "\"page\":1")
                .replace("\"total\":4", "\"total\":45")));
        String page = new PageSession(Tokens.of("citizen")).get("/my/notifications?page=1").then().statusCode(200)
                .body(containsString("id=\"notifications-paging\"")).body(containsString("2 / 3 페이지"))
                .body(containsString("href=\"/my/notifications\" rel=\"prev\""))
                .body(containsString("href=\"/my/notifications?page=2\" rel=\"next\"")).extract().asString();
        assertTrue(page.contains("<input type=\"hidden\" name=\"page\" value=\"1\">"), "marking read comes back here");
        assertTrue(GatewayStandIn.received().stream().anyMatch(r -> r.path().equals(LIST) && r.query().contains("page=1")));
    }

    @Test
    void inEnglishToo() {
        PageSession citizen = new PageSession(Tokens.of("citizen"));
        citizen.cookies().put("lang", "en");
        citizen.get("/my/notifications").then().statusCode(200).body(containsString("<h1>My notifications</h1>"))
                .body(containsString(">Unread</span>")).body(containsString("Mark as read"));
    }

    @Test
    void itNeedsASignIn() {
        new PageSession(null).get("/my/notifications").then().statusCode(not(200));
    }
}
