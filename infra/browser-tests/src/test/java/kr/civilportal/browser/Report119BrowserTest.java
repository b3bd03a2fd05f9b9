package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import kr.civilportal.launcher.PortalApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Anyone reports to 119 from the web form, without logging in, with their phone's location and a photo. */
@ExtendWith(PortalUnderTest.class)
class Report119BrowserTest {

    @Test
    void anAnonymousReporterSendsAPhotoWithTheirLocationAndGetsAReceipt(@TempDir Path files) {
        try (Browser browser = new Browser(PortalUnderTest.get().baseUrl, "report-119")) {
            browser.phone();
            browser.open("/");
            browser.checkPage("home");
            browser.click("a[href='/report-119'].krds-btn");
            browser.find("h1");
            assertTrue(browser.driver.getCurrentUrl().endsWith("/report-119"), "no login asked");
            browser.checkPage("form");

            // Sent empty: every problem is listed at the top and shown next to its field.
            browser.click("button[type=submit]");
            String summary = browser.text("#error-summary");
            assertTrue(summary.contains("상황 설명을 적어 주세요"), summary);
            assertTrue(browser.text("#description-error").contains("상황 설명"), "error next to the field");
            browser.checkPage("errors-shown");

            browser.allowGeolocation(37.5665, 126.9780, 12);
            browser.click("#category-FIRE");
            browser.type("#description", "건물 3층에서 연기가 납니다");
            browser.type("#phone", "010-2345-6789");
            browser.click("#use-location");
            browser.waitUntil(d -> browser.text("#location-status").contains("12"));
            browser.find("#photos").sendKeys(TestImages.jpeg(files, "smoke.jpg", 640, 480).toString());
            browser.shot("filled-in");
            browser.click("button[type=submit]");

            browser.waitUntil(d -> d.getCurrentUrl().contains("/report-119/receipts/"));
            assertEquals("접수", browser.text("#report-status"));
            assertEquals("1", browser.text("#report-attachments"));
            assertTrue(browser.driver.getPageSource().contains("010-****-6789"), "the number comes back masked");
            browser.checkPage("receipt");

            // The receipt's address shows it again (a reload never sends the report twice).
            String receipt = browser.driver.getCurrentUrl();
            browser.driver.navigate().refresh();
            assertEquals(receipt, browser.driver.getCurrentUrl());
            assertEquals("1", browser.text("#report-attachments"));

            // The same page in English.
            browser.click("a[hreflang=en]");
            browser.waitUntil(d -> "en".equals(d.findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang")));
            assertEquals("Received", browser.text("#report-status"));
            browser.checkPage("receipt-english");
        }
    }

    @Test
    void aReporterWhoRefusesTheLocationReportsWithATypedAddress() {
        try (Browser browser = new Browser(PortalUnderTest.get().baseUrl, "report-119-no-location")) {
            browser.phone();
            browser.open("/report-119");
            browser.denyGeolocation();
            browser.click("#category-RESCUE");
            browser.type("#description", "엘리베이터에 갇혔습니다");
            browser.click("#use-location");
            browser.waitUntil(d -> browser.text("#location-status").contains("주소를 직접"));
            browser.shot("location-refused");
            browser.type("#address", "서울특별시 종로구 세종대로 209 정부서울청사 별관");
            browser.click("button[type=submit]");
            browser.waitUntil(d -> d.getCurrentUrl().contains("/report-119/receipts/"));
            assertEquals("접수", browser.text("#report-status"));
            browser.checkPage("receipt-address-only");
        }
    }

    /**
     * With every emergency-report replica stopped, the form's report is held by the gateway (not refused), the
     * reporter sees that it is held and need not resend, and the same page leads to the 119 receipt once the
     * service is back and the gateway has forwarded it.
     */
    @Test
    void aReportSentWhileThe119ServiceIsDownIsHeldAndReachesItsReceiptLater() {
        PortalUnderTest portal = PortalUnderTest.get();
        try (Browser browser = new Browser(portal.baseUrl, "report-119-held")) {
            browser.phone();
            browser.open("/report-119");
            browser.find("form[action^='/report-119?']");
            portal.portal.stop(PortalApp.EMERGENCY_REPORT);
            try {
                browser.denyGeolocation();
                browser.click("#category-FIRE");
                browser.type("#description", "서비스 중단 중 화재 신고: 연기가 납니다");
                browser.type("#address", "부산광역시 중구 중앙대로 120");
                browser.click("button[type=submit]");
                browser.waitUntil(d -> d.getCurrentUrl().contains("/report-119/held/"));
                assertEquals("119 시스템 연결 대기 중", browser.text("#held-state"));
                assertTrue(browser.text("main").contains("다시 보내실 필요는 없습니다"), browser.text("main"));
                browser.checkPage("held-while-service-down");
            } finally {
                portal.portal.start(PortalApp.EMERGENCY_REPORT);
            }
            // The forwarder delivers it on its own; the held page's address then leads to the receipt.
            browser.waitUntil(d -> {
                d.navigate().refresh();
                return d.getCurrentUrl().contains("/report-119/receipts/");
            });
            assertEquals("접수", browser.text("#report-status"));
            browser.checkPage("receipt-after-held");
        }
    }
}
