package kr.civilportal.citizen.notification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.TimeUnit;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.web.testing.GatewayStandIn;
import kr.civilportal.web.testing.GatewayStandIn.Answer;
import kr.civilportal.web.testing.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The menu's 알림 with the unread count on the citizen pages: shown with words for screen readers when there are
 * unread notifications; none when there are none, and none, with the page as usual, when the notification service
 * is down or slow (the page does not wait for it).
 */
@QuarkusTest
class UnreadBadgeTest {

    @BeforeEach
    void script() {
        GatewayStandIn.reset();
        GatewayStandIn.answer("GET", "/api/residency/v1/me/access-log", r -> Answer.json(200, "[]"));
        GatewayStandIn.answer("GET", "/api/passport/v1/me/photo-reads", r -> Answer.json(200, "[]"));
    }

    @Test
    void theCountIsBesideTheMenusNotificationsOnTheCitizensPages() {
        GatewayStandIn.answer("GET", NotificationsPageTest.COUNT, r -> Answer.json(200, "{\"unread\":3}"));
        String page = new PageSession(Tokens.of("citizen")).get("/my/record-reads").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("<a href=\"/my/notifications\">알림 <span class=\"portal-badge\" id=\"unread-badge\" "
                + "aria-hidden=\"true\">3</span><span class=\"sr-only\">3건 읽지 않음</span></a>"), page);
        PageSession english = new PageSession(Tokens.of("citizen"));
        english.cookies().put("lang", "en");
        english.get("/verify").then().statusCode(200).body(containsString(">3</span><span class=\"sr-only\">3 unread</span>"));
    }

    @Test
    void noneUnreadNoBadge() {
        GatewayStandIn.answer("GET", NotificationsPageTest.COUNT, r -> Answer.json(200, "{\"unread\":0}"));
        new PageSession(Tokens.of("citizen")).get("/my/record-reads").then().statusCode(200)
                .body(containsString("<a href=\"/my/notifications\">알림</a>"))
                .body(not(containsString("id=\"unread-badge\"")));
    }

    @Test
    void aNotificationServiceDownIsNoBadgeAndThePageAsUsual() {
        GatewayStandIn.answer("GET", NotificationsPageTest.COUNT, r -> Answer.problem(503,
                "{\"type\":\"urn:civilportal:problem:service-unavailable\",\"status\":503}"));
        new PageSession(Tokens.of("citizen")).get("/my/record-reads").then().statusCode(200)
                .body(containsString("<a href=\"/my/notifications\">알림</a>"))
                .body(not(containsString("id=\"unread-badge\""))).body(not(containsString("id=\"unavailable")));
    }

    @Test
    void aSlowNotificationServiceIsNoBadgeAndThePageDoesNotWaitForIt() {
        GatewayStandIn.answer("GET", NotificationsPageTest.COUNT, r -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json(200, "{\"unread\":5}");
        });
        new PageSession(Tokens.of("citizen")).get("/my/record-reads").then().statusCode(200)
                .time(lessThan(2500L), TimeUnit.MILLISECONDS)
                .body(containsString("<a href=\"/my/notifications\">알림</a>"))
                .body(not(containsString("id=\"unread-badge\"")));
    }

    @Test
    void theDashboardLinksToTheInbox() {
        GatewayStandIn.answer("GET", NotificationsPageTest.COUNT, r -> Answer.json(200, "{\"unread\":1}"));
        for (String list : new String[] {"/api/residency/v1/move-ins", "/api/passport/v1/applications/mine",
                "/api/residency/v1/certificates", "/api/land/v1/extracts"}) {
            GatewayStandIn.answer("GET", list, r -> Answer.json(200, "[]"));
        }
        new PageSession(Tokens.of("citizen")).get("/my").then().statusCode(200)
                .body(containsString("id=\"notifications-link\"")).body(containsString("id=\"unread-badge\""));
    }

    @Test
    void anonymousPagesAskNothing() {
        new PageSession(null).get("/verify").then().statusCode(200).body(not(containsString("/my/notifications")));
        assertTrue(GatewayStandIn.received().stream().noneMatch(r -> r.path().startsWith("/api/notification/")));
    }
}
