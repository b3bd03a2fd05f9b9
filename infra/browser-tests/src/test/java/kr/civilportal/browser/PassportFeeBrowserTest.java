package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The passport fee paid online (수수료 온라인 결제), then refunded when the application is rejected. The citizen
 * chooses online payment on the form; the application waits for its payment (결제 대기) and no officer sees it; the
 * citizen is sent to the payment provider's page (the payment sandbox the launcher runs, a separate process on its
 * own port, as a PG would be), a declined card is refused there, a good one is taken, and back on the portal the
 * application is received (접수) with its receipt (영수증). The officer sees how it was paid, is told a rejection
 * refunds it, rejects it; passport's refund job asks the provider for the refund, and the citizen's receipt says
 * 환불 완료. And the provider's signed webhook alone (no return to the portal's page) receives an application.
 */
@ExtendWith(PortalUnderTest.class)
class PassportFeeBrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The provider's test cards (services/payment-sandbox/README.md). */
    private static final String DECLINED_CARD = "4000 0000 0000 0002";
    private static final String GOOD_CARD = "4242 4242 4242 4242";
    /**
     * How long the citizen's page is read again waiting for the refund: passport's refund job runs every few
     * seconds in the launcher's portal (dev profile), so this leaves it many runs on a saturated machine.
     */
    private static final Duration REFUND_WAIT = Duration.ofMinutes(3);
    /** How often the application is read again while the provider's webhook is on its way. */
    private static final Duration POLL = Duration.ofMillis(250);

    @Test
    void aCitizenPaysTheFeeOnlineAndIsRefundedWhenTheApplicationIsRejected(@TempDir Path files) throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        String provider = sandboxOrigin(portal);
        long total = expectedTotal(portal);
        String won = String.format("%,d원", total);

        try (Browser citizen = new Browser(portal.baseUrl, "passport-fee-citizen");
             Browser officer = new Browser(portal.baseUrl, "passport-fee-officer")) {
            // The form: choices, photo, then the review, where online payment is the choice already made.
            citizen.open("/my/passport");
            citizen.logInAs("citizen");
            citizen.waitUntil(d -> d.getCurrentUrl().endsWith("/my/passport"));
            citizen.click("#kind-NEW");
            citizen.click("#validity-TEN_YEARS");
            citizen.click("#pages-58");
            citizen.click("form[action^='/my/passport/choices?'] button[type=submit]");
            citizen.waitUntil(d -> d.getCurrentUrl().endsWith("/my/passport/photo"));
            citizen.find("#photo").sendKeys(TestImages.passportPhoto(files).toString());
            citizen.click("form[action^='/my/passport/photo?'] button[type=submit]");
            citizen.waitUntil(d -> d.getCurrentUrl().endsWith("/my/passport/review"));
            assertEquals(won, citizen.text("#fee-total"));
            assertTrue(citizen.find("#payment-ONLINE").isSelected(), "online payment is offered first");
            citizen.click("#office-SEOUL-JONGNO");
            citizen.checkPage("review-with-payment-choice");
            citizen.click("form[action^='/my/passport/submission?'] button[type=submit]");

            // Submitted, but not received: it waits for its fee.
            citizen.waitUntil(d -> d.getCurrentUrl().contains("/my/petitions/passport/"));
            String id = citizen.driver.getCurrentUrl().replaceAll(".*/passport/([0-9a-f-]{36}).*", "$1");
            String page = "/my/petitions/passport/" + id;
            assertEquals("결제대기", citizen.text("#petition-state"));
            assertEquals(won, citizen.text("#payment-amount"));
            citizen.find("#pay-submit");
            citizen.checkPage("awaiting-payment");

            // No officer sees an application whose fee is not paid.
            officer.open("/admin/passports?status=SUBMITTED");
            officer.logInAs("passport-officer");
            officer.waitUntil(d -> d.getCurrentUrl().contains("/admin/passports"));
            officer.find("#applications");
            assertTrue(officer.all("#applications a[href='/admin/passports/" + id + "']").isEmpty(),
                    "not in the officers' queue before it is paid");

            // To the provider's page: its own origin, the amount, a card form.
            citizen.click("#pay-submit");
            citizen.waitUntil(d -> d.getCurrentUrl().startsWith(provider + "/pay/"));
            assertTrue(citizen.text("main").contains(won), citizen.text("main"));
            citizen.checkPage("provider-page", provider);

            // A declined card: said on the provider's page, nothing paid, the citizen may try another.
            payWith(citizen, DECLINED_CARD);
            assertTrue(citizen.text("#alert").contains("거절"), citizen.text("#alert"));
            assertTrue(citizen.driver.getCurrentUrl().startsWith(provider), "still on the provider's page");
            citizen.checkPage("provider-declined", provider);

            // A good card: paid, and back on the application's page, now received, with its receipt.
            payWith(citizen, GOOD_CARD);
            citizen.waitUntil(d -> d.getCurrentUrl().startsWith(portal.baseUrl + page));
            assertTrue(citizen.text("#payment-paid").contains("결제가 완료"), citizen.text("#payment-paid"));
            assertEquals("접수", citizen.text("#petition-state"));
            assertEquals(won, citizen.text("#receipt-amount"));
            assertTrue(citizen.text("#receipt-approval").matches("\\d{8}"), citizen.text("#receipt-approval"));
            assertTrue(citizen.text("#receipt-card").endsWith("4242"), citizen.text("#receipt-card"));
            assertFalse(citizen.text("main").contains("4242 4242") || citizen.text("main").contains("42424242"),
                    "the card number is never shown back");
            assertTrue(citizen.all("#pay-submit").isEmpty(), "nothing more to pay");
            citizen.checkPage("paid-receipt");

            // The officer now has it: how it was paid, and that a rejection refunds it.
            officer.open("/admin/passports/" + id);
            officer.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/passports/" + id));
            assertEquals("접수", officer.text("#application-status"));
            String paymentLine = officer.text("#application-payment");
            assertTrue(paymentLine.contains("온라인 결제 완료") && paymentLine.contains(citizen.text("#receipt-approval")),
                    paymentLine);
            assertTrue(officer.text("#refund-on-reject").contains(won), officer.text("#refund-on-reject"));
            officer.checkPage("paid-application");
            new Select(officer.find("#to")).selectByValue("REJECTED");
            officer.type("#reason", "신청인이 이미 유효한 여권을 가지고 있습니다");
            officer.click("form[action^='/admin/passports/" + id + "/transitions?'] button[type=submit]");
            officer.waitUntil(d -> d.getCurrentUrl().contains("moved=true"));
            assertEquals("반려", officer.text("#application-status"));

            // The refund is the job's, asked of the provider: the citizen's page is read again until it is done.
            citizen.open(page);
            assertEquals("반려", citizen.text("#petition-state"));
            String refund = new WebDriverWait(citizen.driver, REFUND_WAIT, Duration.ofSeconds(2)).until(d -> {
                d.navigate().refresh();
                String shown = d.findElement(By.id("receipt-refund")).getText();
                return shown.equals("환불 완료") ? shown : null;
            });
            assertEquals("환불 완료", refund);
            assertEquals(won, citizen.text("#receipt-refund-amount"));
            citizen.checkPage("refunded");
            officer.open("/admin/passports/" + id);
            assertTrue(officer.text("#application-payment").contains("환불 완료"), officer.text("#application-payment"));
        }
    }

    @Test
    void theProvidersSignedWebhookAloneReceivesAnApplication() throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        String provider = sandboxOrigin(portal);
        String token = Tokens.of(portal.portal.keycloak().tokenEndpoint(), "citizen");
        HttpResponse<String> created = send(portal, token, "/api/passport/v1/applications",
                "{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58,\"office\":\"SEOUL-JONGNO\",\"payment\":\"ONLINE\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"status\":\"AWAITING_PAYMENT\""), created.body());
        String id = created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        // The citizen is sent back to a page of the portal (a return address elsewhere is refused) ...
        HttpResponse<String> payment = send(portal, token, "/api/passport/v1/applications/" + id + "/payments",
                "{\"returnUrl\":\"" + portal.baseUrl + "/my/petitions/passport/" + id + "?payment=returned\"}");
        assertEquals(201, payment.statusCode(), payment.body());
        String nextUrl = payment.body().replaceAll(".*\"nextUrl\":\"([^\"]+)\".*", "$1");
        assertTrue(nextUrl.startsWith(provider + "/pay/"), nextUrl);

        // ... but this citizen closes the tab as soon as the provider took the card: the browser never shows the
        // portal's page again, so no payment-check; only the provider's webhook, through the gateway, tells passport.
        try (Browser browser = new Browser(portal.baseUrl, "passport-fee-webhook")) {
            browser.driver.get(nextUrl);
            payWith(browser, GOOD_CARD);
            browser.waitUntil(d -> !d.getCurrentUrl().startsWith(provider));
        }
        Instant until = Instant.now().plus(Browser.WAIT);
        String body = "";
        while (Instant.now().isBefore(until) && !body.contains("\"status\":\"SUBMITTED\"")) {
            Thread.sleep(POLL.toMillis());
            body = get(portal, token, "/api/passport/v1/applications/" + id).body();
        }
        assertTrue(body.contains("\"status\":\"SUBMITTED\""), body);
        assertTrue(body.contains("\"state\":\"PAID\""), body);
        assertTrue(body.contains("\"by\":\"system:payment\""), body);
    }

    /** Fills the provider's card form with a test card and presses 결제하기. */
    private static void payWith(Browser browser, String card) {
        browser.type("#cardNumber", card);
        browser.type("#expiry", "12/" + (Instant.now().atZone(java.time.ZoneOffset.UTC).getYear() % 100 + 3));
        browser.type("#cvc", "123");
        browser.click("button[value=pay]");
        browser.waitUntil(d -> !d.findElements(By.id("alert")).isEmpty() || !d.getCurrentUrl().contains("/pay/"));
    }

    /** Where the launcher runs the payment sandbox for this portal, as the browser reaches it. */
    private static String sandboxOrigin(PortalUnderTest portal) {
        return portal.portal.options().serviceUrl(PortalApp.PAYMENT_SANDBOX);
    }

    private static long expectedTotal(PortalUnderTest portal) throws Exception {
        String token = Tokens.of(portal.portal.keycloak().tokenEndpoint(), "citizen");
        HttpResponse<String> fee = get(portal, token, "/api/passport/v1/fees?kind=NEW&validity=TEN_YEARS&pages=58");
        assertEquals(200, fee.statusCode(), fee.body());
        return Long.parseLong(fee.body().replaceAll(".*\"totalKrw\":(\\d+).*", "$1"));
    }

    private static HttpResponse<String> send(PortalUnderTest portal, String token, String path, String json)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(PortalUnderTest portal, String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
