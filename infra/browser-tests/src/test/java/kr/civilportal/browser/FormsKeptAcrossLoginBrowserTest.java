package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * A login that runs out while a citizen fills in a form loses nothing they typed: after the login, the form is
 * back with their choices and text, and the notice says so (before, the certificate and move-in forms came back
 * empty; then the move-in form's chosen address match was lost, to be searched for again). A registration number
 * is the one thing typed again: it never goes into the browser's storage.
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
            String chosenLabel = browser.text("label[for='road-address-0']");
            browser.type("#headNumber", "9001011234568");
            browser.forgetAllCookies();
            browser.click("form[action^='/my/move-in'] button[type=submit]");
            browser.logInAs("citizen");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/move-in?resend=true"));
            assertTrue(browser.find("#mode-JOIN_HOUSEHOLD").isSelected());
            assertEquals("2026-11-30", browser.value("#movedInOn"));
            // The address searched for, the match chosen among its results (the same value and text, though the
            // page after the login ran no search) and its detail: the report can be sent without searching again.
            assertEquals("서울특별시 마포구 월드컵북로 396", browser.value("#addressQuery"));
            List<WebElement> chosen = browser.all("#roadAddress input[name=roadAddress]");
            assertEquals(1, chosen.size(), "the one match chosen is back");
            assertTrue(chosen.get(0).isSelected(), "and chosen");
            assertEquals("서울특별시 마포구 월드컵북로 396", chosen.get(0).getAttribute("value"));
            assertEquals(chosenLabel, browser.text("label[for='" + chosen.get(0).getAttribute("id") + "']"));
            assertEquals("1502호", browser.value("#addressDetail"));
            assertEquals("", browser.value("#headNumber"), "the head's registration number is typed again");
            browser.checkPage("move-in-kept");
        }
    }
}
