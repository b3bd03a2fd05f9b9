package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A citizen applies for a passport in three steps: the choices (kept on the server, so closing the browser
 * half-way loses nothing), the photo, and the review with the fee, then submits and follows it on /my.
 */
@ExtendWith(PortalUnderTest.class)
class PassportApplicationBrowserTest {

    @Test
    void aCitizenAppliesWithAPhotoSeesTheFeeFirstAndADraftSurvivesClosingTheBrowser(@TempDir Path files)
            throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        try (Browser browser = new Browser(portal.baseUrl, "passport-step-1")) {
            browser.open("/my/passport");
            browser.logInAs("citizen");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/passport"));
            browser.checkPage("choices");
            browser.click("form[action^='/my/passport/choices?'] button[type=submit]");
            String summary = browser.text("#error-summary");
            assertTrue(summary.contains("신청 구분") && summary.contains("유효기간") && summary.contains("면수"), summary);
            browser.checkPage("choices-errors");
            browser.click("#kind-NEW");
            browser.click("#validity-TEN_YEARS");
            browser.click("#pages-58");
            // The login ran out while the citizen chose: the form goes through the login and comes back as the
            // step again (before, its address answered 405), with the choices put back by the page's script.
            browser.forgetAllCookies();
            browser.click("form[action^='/my/passport/choices?'] button[type=submit]");
            browser.logInAs("citizen");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/passport?resend=true"));
            assertTrue(browser.text("#resend").contains("다시 채워 두었으니"), browser.text("#resend"));
            assertTrue(browser.find("#kind-NEW").isSelected() && browser.find("#validity-TEN_YEARS").isSelected()
                    && browser.find("#pages-58").isSelected(), "the choices were put back");
            browser.checkPage("choices-after-login");
            browser.click("form[action^='/my/passport/choices?'] button[type=submit]");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/passport/photo"));
            browser.checkPage("photo-step");
        }
        // The browser closed half-way; a new one (new session, new login) finds the draft.
        try (Browser browser = new Browser(portal.baseUrl, "passport-step-2")) {
            browser.open("/my/passport");
            browser.logInAs("citizen");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/passport"));
            assertTrue(browser.text("#draft-resumed").contains("이어서"));
            assertTrue(browser.find("#kind-NEW").isSelected() && browser.find("#validity-TEN_YEARS").isSelected()
                    && browser.find("#pages-58").isSelected(), "the choices were kept");
            browser.checkPage("draft-resumed");
            browser.click("form[action^='/my/passport/choices?'] button[type=submit]");

            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/passport/photo"));
            browser.click("form[action^='/my/passport/photo?'] button[type=submit]");
            assertTrue(browser.text("#photo-error").contains("사진"));
            browser.find("#photo").sendKeys(TestImages.passportPhoto(files).toString());
            browser.click("form[action^='/my/passport/photo?'] button[type=submit]");

            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/passport/review"));
            String total = String.format("%,d원", expectedTotal(portal));
            assertEquals(total, browser.text("#fee-total"), "the fee is shown before submitting");
            browser.checkPage("review-with-fee");
            // The receiving office (접수 기관) is the citizen's to choose: none chosen is said next to the field.
            browser.click("form[action^='/my/passport/submission?'] button[type=submit]");
            browser.waitUntil(d -> !d.findElements(org.openqa.selenium.By.id("office-error")).isEmpty());
            assertTrue(browser.text("#office-error").contains("기관"), browser.text("#office-error"));
            browser.click("#office-SEOUL-JONGNO");
            // Paid at the office, the application is received at once (online payment, offered first, is
            // PassportFeeBrowserTest's journey).
            browser.click("#payment-AT_COUNTER");
            browser.click("form[action^='/my/passport/submission?'] button[type=submit]");

            browser.waitUntil(d -> d.getCurrentUrl().contains("/my/petitions/passport/"));
            assertTrue(browser.text("#submitted").contains("접수"));
            assertEquals("접수", browser.text("#petition-state"));
            assertTrue(browser.text("#payment-at-counter").contains("창구"), browser.text("#payment-at-counter"));
            browser.checkPage("submitted");
            String id = browser.driver.getCurrentUrl().replaceAll(".*/passport/([^?]+).*", "$1");

            browser.open("/my");
            assertTrue(browser.text("#petitions-passport").contains("여권 신규 발급"));
            assertTrue(browser.find("#petitions-passport a[href='/my/petitions/passport/" + id + "']").isDisplayed());
            // The draft is gone once submitted.
            browser.open("/my/passport");
            assertTrue(browser.all("#draft-resumed").isEmpty());
            assertTrue(!browser.find("#kind-NEW").isSelected());
        }
    }

    /** What the passport service says the fee is today, asked directly with a token. */
    private static long expectedTotal(PortalUnderTest portal) throws Exception {
        String token = Tokens.of(portal.portal.keycloak().tokenEndpoint(), "citizen");
        HttpResponse<String> fee = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                portal.baseUrl + "/api/passport/v1/fees?kind=NEW&validity=TEN_YEARS&pages=58"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fee.statusCode(), fee.body());
        return Long.parseLong(fee.body().replaceAll(".*\"totalKrw\":(\\d+).*", "$1"));
    }
}
