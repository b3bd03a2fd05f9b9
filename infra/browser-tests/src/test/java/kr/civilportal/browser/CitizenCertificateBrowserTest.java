package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A citizen logs in through Keycloak, sees their petitions, issues a residency certificate, downloads its
 * PDF, checks it on the public verification page, and logs out.
 */
@ExtendWith(PortalUnderTest.class)
class CitizenCertificateBrowserTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aCitizenIssuesACertificateDownloadsItAndAnyoneCanVerifyIt() throws Exception {
        String base = PortalUnderTest.get().baseUrl;
        try (Browser browser = new Browser(base, "citizen-certificate")) {
            browser.open("/");
            browser.click("a[href='/login'].krds-btn");
            browser.logInAs("citizen");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my"));
            assertEquals("나의 민원", browser.text("h1"));
            // The demo citizen's passport reissue (SUBMITTED) shows as 접수 with its history.
            String passport = browser.text("#petitions-passport");
            assertTrue(passport.contains("여권 재발급") && passport.contains("접수"), passport);
            assertTrue(passport.contains("교부 완료") || passport.contains("처리완료"), passport);
            assertTrue(browser.text("header").contains("김지민"), "the logged-in name is shown");
            browser.checkPage("dashboard");

            browser.click(".portal-nav a[href='/my/certificates']");
            browser.find("form[action^='/my/certificates?']");
            browser.checkPage("certificate-form");
            browser.click("#kind-PERSONAL_HISTORY");
            browser.click("#includeFormerAddresses");
            browser.shot("certificate-filled-in");
            browser.click("form[action^='/my/certificates?'] button[type=submit]");
            String number = browser.text("#issued-number");
            assertTrue(number.matches("\\d{4}-\\d{4}-\\d{4}-\\d{4}"), number);
            assertTrue(browser.text("#certificate-list").contains(number));
            browser.checkPage("certificate-issued");

            // The PDF, fetched as the browser would (same session cookie).
            String pdfPath = browser.find("#download-issued").getAttribute("href");
            HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(pdfPath))
                    .header("Cookie", browser.cookieHeader()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
            assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));

            // Sending the same form twice (a double click, a resend) issues one certificate, not two.
            browser.open("/my/certificates");
            int listed = browser.all("#certificate-list tbody tr").size();
            String key = browser.value("input[name=idempotencyKey]");
            String csrf = browser.value("input[name=csrf-token]");
            String form = "kind=HOUSEHOLD&idempotencyKey=" + key + "&csrf-token=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            String first = postForm(base + "/my/certificates", form, browser.cookieHeader());
            String second = postForm(base + "/my/certificates", form, browser.cookieHeader());
            assertEquals(first, second, "the resend leads to the same certificate");
            browser.open("/my/certificates");
            assertEquals(listed + 1, browser.all("#certificate-list tbody tr").size());

            // A form without the CSRF token is refused.
            assertEquals(400, http.send(HttpRequest.newBuilder(URI.create(base + "/my/certificates"))
                    .header("Cookie", browser.cookieHeader()).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("kind=HOUSEHOLD")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());

            // Anyone verifies the number, no login.
            browser.click("a[href='/logout']");
            browser.waitUntil(d -> d.getCurrentUrl().contains("loggedOut=true"));
            assertTrue(browser.text("main").contains("로그아웃되었습니다"));
            browser.checkPage("logged-out");
            browser.open("/verify");
            browser.checkPage("verify-form");
            browser.type("#number", number);
            browser.click("form[action='/verify'] button[type=submit]");
            assertTrue(browser.text("#verify-result").contains("진본"), "genuine");
            assertTrue(browser.text("#verify-result").contains("주민등록표 초본"));
            String content = browser.text("#verify-content");
            assertTrue(content.contains("김지민") && content.contains("900315-2******"), "what was issued: " + content);
            browser.checkPage("verify-genuine");
            browser.type("#number", "1234-5678-9012-3452");
            browser.click("form[action='/verify'] button[type=submit]");
            assertTrue(browser.text("#verify-result").contains("발급된 증명서가 없습니다"));

            // The downloaded file itself: its signature and time stamp checked; a changed copy is refused.
            java.nio.file.Path downloaded = java.nio.file.Files.createTempFile("certificate-", ".pdf");
            java.nio.file.Path changed = java.nio.file.Files.createTempFile("certificate-changed-", ".pdf");
            try {
                java.nio.file.Files.write(downloaded, pdf.body());
                byte[] tampered = pdf.body().clone();
                tampered[200] ^= 0x01;
                java.nio.file.Files.write(changed, tampered);
                browser.click("#verify-document-link");
                browser.find("form[action='/verify/document']");
                browser.checkPage("verify-document-form");
                browser.find("#document").sendKeys(downloaded.toString());
                browser.click("form[action='/verify/document'] button[type=submit]");
                String genuine = browser.text("#verify-result");
                assertTrue(genuine.contains("진본입니다") && genuine.contains(number), genuine);
                assertTrue(genuine.contains("residency document signing"), genuine);
                browser.checkPage("verify-document-genuine");
                browser.find("#document").sendKeys(changed.toString());
                browser.click("form[action='/verify/document'] button[type=submit]");
                assertTrue(browser.text("#document-error").contains("진본이 아닙니다"), browser.text("main"));
                browser.checkPage("verify-document-not-genuine");
            } finally {
                java.nio.file.Files.deleteIfExists(downloaded);
                java.nio.file.Files.deleteIfExists(changed);
            }

            // Logged out means logged out: a citizen page asks for the login again.
            browser.open("/my");
            browser.find("#username");
            browser.shot("login-asked-again");
        }
    }

    private String postForm(String url, String body, String cookies) throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(303, response.statusCode());
        return response.headers().firstValue("Location").orElseThrow();
    }
}
