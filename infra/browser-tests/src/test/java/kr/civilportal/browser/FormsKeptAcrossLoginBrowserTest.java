package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A login that runs out while a citizen fills in a form loses nothing they typed: after the login, the form is
 * back with their choices and text, and the notice says so (before, the certificate and move-in forms came back
 * empty). A registration number is the one thing typed again: it never goes into the browser's storage.
 */
@ExtendWith(PortalUnderTest.class)
class FormsKeptAcrossLoginBrowserTest {

    @Test
    void theCertificateAndMoveInFormsComeBackFilledInAfterTheLogin() {
        try (Browser browser = new Browser(PortalUnderTest.get().baseUrl, "forms-kept")) {
            browser.open("/my/certificates");
            browser.logInAs("citizen");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/certificates"));
            browser.click("#kind-PERSONAL_HISTORY");
            browser.click("#includeFormerAddresses");
            browser.forgetAllCookies();
            browser.click("form[action^='/my/certificates?'] button[type=submit]");
            browser.logInAs("citizen");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/certificates?resend=true"));
            assertTrue(browser.text("#resend").contains("다시 채워 두었으니"), browser.text("#resend"));
            assertTrue(browser.find("#kind-PERSONAL_HISTORY").isSelected(), "the kind chosen is back");
            assertTrue(browser.find("#includeFormerAddresses").isSelected(), "the ticked box is back");
            assertTrue(browser.all("#issued-number").isEmpty(), "nothing was issued without the form");
            browser.checkPage("certificate-kept");

            browser.open("/my/move-in");
            browser.click("#mode-JOIN_HOUSEHOLD");
            browser.driver.executeScript("document.getElementById('movedInOn').value = arguments[0]", "2026-11-30");
            MoveInAddress.choose(browser, "서울특별시 마포구 월드컵북로 396", "1502호");
            browser.type("#headNumber", "9001011234568");
            browser.forgetAllCookies();
            browser.click("form[action^='/my/move-in'] button[type=submit]");
            browser.logInAs("citizen");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/move-in?resend=true"));
            assertTrue(browser.find("#mode-JOIN_HOUSEHOLD").isSelected());
            assertEquals("2026-11-30", browser.value("#movedInOn"));
            // The address searched for and its detail; the match is chosen again after a new search (the page
            // after the login has no matches to put the choice back on).
            assertEquals("서울특별시 마포구 월드컵북로 396", browser.value("#addressQuery"));
            assertEquals("1502호", browser.value("#addressDetail"));
            assertEquals("", browser.value("#headNumber"), "the head's registration number is typed again");
            browser.checkPage("move-in-kept");
        }
    }
}
