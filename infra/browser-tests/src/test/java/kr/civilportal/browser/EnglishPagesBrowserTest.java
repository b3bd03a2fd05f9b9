package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The English switch: a citizen switches once and every citizen page is then in English (its heading, the
 * navigation, {@code <html lang="en">}, so screen readers pronounce it as English), with no axe-core violation;
 * Keycloak's login page follows the choice; switching back gives Korean again.
 */
@ExtendWith(PortalUnderTest.class)
class EnglishPagesBrowserTest {

    /** Each citizen page and the heading an English reader sees on it. */
    private static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/", "Civil Petition Portal");
        PAGES.put("/my", "My petitions");
        PAGES.put("/my/certificates", "Resident registration certificates");
        PAGES.put("/my/move-in", "Move-in report");
        PAGES.put("/verify", "Verify a certificate");
        PAGES.put("/my/land", "Land register: look up and issue");
        PAGES.put("/my/passport", "Passport application");
        PAGES.put("/report-119", "Report to 119 by text and photo");
        PAGES.put("/my/appointments", "Passport pickup appointments");
    }

    @Test
    void everyCitizenPageIsInEnglishAfterTheSwitchAndPassesAxe() {
        PortalUnderTest portal = PortalUnderTest.get();
        try (Browser browser = new Browser(portal.baseUrl, "english")) {
            browser.open("/verify");
            assertEquals("ko", browser.find("html").getAttribute("lang"));
            browser.click("a[hreflang=en]");
            browser.waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            assertTrue(browser.driver.getCurrentUrl().endsWith("/verify"), "the switch comes back to the same page");
            // Keycloak's login page follows the choice (ui_locales on the login redirect).
            browser.open("/my");
            WebElement login = browser.find("#kc-login");
            String label = login.getText().isBlank() ? login.getAttribute("value") : login.getText();
            assertTrue(label.toLowerCase(java.util.Locale.ROOT).contains("sign in"), "Keycloak's login button: " + label);
            browser.logInAs("citizen");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my"));

            for (Map.Entry<String, String> page : PAGES.entrySet()) {
                browser.open(page.getKey());
                String name = page.getKey().equals("/") ? "home" : page.getKey().substring(1).replace('/', '-');
                assertEquals("en", browser.find("html").getAttribute("lang"), page.getKey());
                assertEquals(page.getValue(), browser.text("h1"), page.getKey());
                String nav = browser.text("header");
                assertTrue(nav.contains("Verify") && nav.contains("한국어"), page.getKey() + ": " + nav);
                assertFalse(browser.text("h1").matches(".*[가-힣].*"), page.getKey());
                browser.checkPage(name);
            }

            browser.click("a[hreflang=ko]");
            browser.waitUntil(d -> "ko".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            assertEquals("여권 수령 예약", browser.text("h1"));
            browser.checkPage("back-to-korean");
        }
    }
}
