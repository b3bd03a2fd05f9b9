package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 나의 민원 across the services: a signed-in citizen issues a certificate and a land-register extract and reports to
 * 119, and finds all three on their page beside their passport application, each with the way back to it.
 */
@ExtendWith(PortalUnderTest.class)
class MyPetitionsBrowserTest {

    @Test
    void aCitizenFindsTheirCertificateExtract119ReportAndPassportInOnePlace() {
        try (Browser browser = new Browser(PortalUnderTest.get().baseUrl, "my-petitions")) {
            browser.open("/my/certificates");
            browser.logInAs("citizen");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/certificates"));
            browser.click("#kind-HOUSEHOLD");
            browser.click("form[action^='/my/certificates?'] button[type=submit]");
            String certificate = browser.text("#issued-number");

            browser.open("/my/land/parcels/1111010100100010000");
            browser.click("#issue-extract button[type=submit]");
            String extract = browser.text("#issued-number");

            browser.open("/report-119");
            browser.click("#category-RESCUE");
            browser.type("#description", "계단에서 넘어진 분이 일어나지 못합니다");
            browser.type("#address", "서울특별시 종로구 세종대로 209");
            browser.click("button[type=submit]");
            browser.waitUntil(d -> d.getCurrentUrl().contains("/report-119/receipts/"));

            browser.open("/my");
            String documents = browser.text("#documents-residency");
            assertTrue(documents.contains(certificate), documents);
            String extracts = browser.text("#documents-land-registry");
            assertTrue(extracts.contains(extract) && extracts.contains("청운동"), extracts);
            String reports = browser.text("#petitions-emergency-report");
            assertTrue(reports.contains("119 신고: 구조"), reports);
            assertTrue(browser.text("#petitions-passport").contains("여권"), "the demo passport application");
            browser.checkPage("my-petitions");

            // Each leads back: the extract's download and the report's receipt.
            assertTrue(browser.find("#documents-land-registry a[href='/my/land/extracts/" + extract + "/pdf']")
                    .isDisplayed());
            browser.click("#petitions-emergency-report a[href^='/report-119/receipts/']");
            browser.waitUntil(d -> d.getCurrentUrl().contains("/report-119/receipts/"));
            assertTrue(!browser.text("#report-status").isBlank(), "the receipt shows where the report stands");
        }
    }
}
