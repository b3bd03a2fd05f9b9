package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A passport officer works the queue: filters it (received, identity verified), opens an application and
 * approves it (review first, then approval), opens another and rejects it, first without a reason (the field
 * says it is needed, the chosen step stays) and then with one, which the application's history shows.
 */
@ExtendWith(PortalUnderTest.class)
class PassportOfficerBrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** How often the application is read again while its identity check is under way. */
    private static final Duration POLL = Duration.ofMillis(250);

    @Test
    void aPassportOfficerFiltersTheQueueApprovesOneAndRejectsOneWithAReason() throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        // Two fresh applications by the demo citizen, through the gateway's API as the phone app sends them.
        String token = Tokens.of(portal.portal.keycloak().tokenEndpoint(), "citizen");
        String approved = apply(portal, token, 26);
        String rejected = apply(portal, token, 58);
        awaitIdentityVerified(portal, token, approved);
        awaitIdentityVerified(portal, token, rejected);

        try (Browser officer = new Browser(portal.baseUrl, "passport-officer")) {
            officer.open("/login");
            officer.logInAs("passport-officer");
            officer.waitUntil(d -> d.getCurrentUrl().endsWith("/admin"));
            officer.click("a[href='/admin/passports']");
            officer.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/passports"));
            officer.checkPage("queue");

            new Select(officer.find("#filter-status")).selectByValue("SUBMITTED");
            new Select(officer.find("#filter-identity")).selectByValue("VERIFIED");
            officer.click("form[action='/admin/passports'] button[type=submit]");
            officer.waitUntil(d -> d.getCurrentUrl().contains("identityCheck=VERIFIED"));
            assertTrue(officer.text("#results-title").contains("확인 완료"), officer.text("#results-title"));
            officer.find("#applications a[href='/admin/passports/" + approved + "']");
            officer.find("#applications a[href='/admin/passports/" + rejected + "']");
            for (var row : officer.all("#applications tbody tr")) {
                assertTrue(row.getText().contains("확인 완료"), "only verified applicants: " + row.getText());
            }
            assertEquals("VERIFIED", new Select(officer.find("#filter-identity")).getFirstSelectedOption().getAttribute("value"));
            officer.checkPage("queue-filtered");

            // Approve: review first, then approval (the service allows no shortcut).
            officer.click("#applications a[href='/admin/passports/" + approved + "']");
            officer.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/passports/" + approved));
            assertEquals("접수", officer.text("#application-status"));
            officer.checkPage("application");
            step(officer, "UNDER_REVIEW", "심사 중");
            step(officer, "APPROVED", "승인");
            assertTrue(officer.text("#moved").contains("승인"));
            officer.checkPage("approved");

            // Reject without a reason: the field says so and the chosen step is kept; then with a reason.
            officer.open("/admin/passports?status=SUBMITTED&identityCheck=VERIFIED");
            officer.click("#applications a[href='/admin/passports/" + rejected + "']");
            officer.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/passports/" + rejected));
            new Select(officer.find("#to")).selectByValue("REJECTED");
            officer.click("form[action^='/admin/passports/" + rejected + "/transitions?'] button[type=submit]");
            assertTrue(officer.text("#reason-error").contains("사유를 입력하세요"));
            assertTrue(officer.text("#error-summary").contains("사유를 입력하세요"));
            assertEquals("REJECTED", new Select(officer.find("#to")).getFirstSelectedOption().getAttribute("value"));
            assertEquals("접수", officer.text("#application-status"), "nothing changed");
            officer.checkPage("reject-without-reason");

            String reason = "사진이 규격에 맞지 않습니다 (배경색)";
            officer.type("#reason", reason);
            officer.click("form[action^='/admin/passports/" + rejected + "/transitions?'] button[type=submit]");
            officer.waitUntil(d -> d.getCurrentUrl().contains("moved=true"));
            assertEquals("반려", officer.text("#application-status"));
            assertTrue(officer.text("main").contains(reason), "the reason is in the history");
            officer.checkPage("rejected-with-reason");

            // Both have left the queue of received applications.
            officer.open("/admin/passports?status=SUBMITTED");
            officer.find("#applications");
            assertTrue(officer.all("#applications a[href='/admin/passports/" + approved + "']").isEmpty());
            assertTrue(officer.all("#applications a[href='/admin/passports/" + rejected + "']").isEmpty());
        }
    }

    /** Applies one step and waits for the page that follows: the new status, or the service's refusal. */
    private static void step(Browser officer, String to, String statusShown) {
        new Select(officer.find("#to")).selectByValue(to);
        officer.click("form[action*='/transitions?'] button[type=submit]");
        officer.waitUntil(d -> !d.findElements(By.id("error-summary")).isEmpty()
                || d.findElements(By.id("moved")).stream().anyMatch(m -> m.getText().contains(statusShown)));
        assertTrue(officer.all("#error-summary").isEmpty(), () -> officer.text("#error-summary"));
        assertEquals(statusShown, officer.text("#application-status"));
    }

    private static String apply(PortalUnderTest portal, String token, int pages) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/api/passport/v1/applications"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":" + pages + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }

    /** The identity check runs right after submission (or again in the background): wait for its answer. */
    private static void awaitIdentityVerified(PortalUnderTest portal, String token, String id) throws Exception {
        Instant deadline = Instant.now().plus(Browser.WAIT);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> one = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl
                    + "/api/passport/v1/applications/" + id)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            body = one.body();
            if (body.contains("\"identityCheck\":\"VERIFIED\"")) {
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new AssertionError("identity check of " + id + " not verified in time: " + body);
    }
}
