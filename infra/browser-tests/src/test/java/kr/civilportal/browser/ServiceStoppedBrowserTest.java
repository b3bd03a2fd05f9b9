package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kr.civilportal.launcher.PortalApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With the residency service stopped, its pages say so plainly with the alternatives (community centre, 120),
 * and the rest of the site works: the dashboard still lists the passport petitions, the 119 form still opens.
 */
@ExtendWith(PortalUnderTest.class)
class ServiceStoppedBrowserTest {

    @Test
    void withResidencyStoppedItsPagesOfferTheAlternativesAndTheRestWorks() {
        PortalUnderTest portal = PortalUnderTest.get();
        try (Browser browser = new Browser(portal.baseUrl, "service-stopped")) {
            browser.open("/login");
            browser.logInAs("citizen");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my"));
            assertFalse(browser.text("main").contains("이용할 수 없습니다"), "all services up at first");

            portal.portal.stop(PortalApp.RESIDENCY);
            try {
                browser.open("/my");
                String residency = browser.text("#petitions-residency");
                assertTrue(residency.contains("주민등록 서비스를 지금 이용할 수 없습니다"), residency);
                assertTrue(residency.contains("행정복지센터") && residency.contains("120"), residency);
                assertTrue(browser.text("#petitions-passport").contains("여권 재발급"), "passport still listed");
                browser.checkPage("dashboard-residency-down");

                browser.open("/my/certificates");
                String page = browser.text("main");
                assertTrue(page.contains("주민등록 서비스를 지금 이용할 수 없습니다"), page);
                assertTrue(browser.all("form[action^='/my/certificates?']").isEmpty(), "no form that cannot work");
                browser.checkPage("certificates-residency-down");

                browser.open("/report-119");
                browser.find("form[action^='/report-119?']");
                assertFalse(browser.text("main").contains("이용할 수 없습니다"));
                browser.shot("report-119-still-works");
            } finally {
                portal.portal.start(PortalApp.RESIDENCY);
            }
            browser.open("/my/certificates");
            browser.find("form[action^='/my/certificates?']");
            browser.shot("residency-back");
        }
    }
}
