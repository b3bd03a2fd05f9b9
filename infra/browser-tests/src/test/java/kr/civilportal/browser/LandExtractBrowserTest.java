package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A citizen finds a parcel by its address, reads its register with owners masked, and issues an extract, also
 * after the login ran out with the page open.
 */
@ExtendWith(PortalUnderTest.class)
class LandExtractBrowserTest {

    @Test
    void aCitizenFindsAParcelAndDownloadsItsExtract() throws Exception {
        try (Browser browser = new Browser(PortalUnderTest.get().baseUrl, "land-extract")) {
            browser.open("/my/land");
            browser.logInAs("citizen2");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/land"));
            browser.click("form[action='/my/land'] button[type=submit]");
            assertTrue(browser.text("#address-error").contains("주소"));
            browser.type("#address", "청운동 1");
            browser.click("form[action='/my/land'] button[type=submit]");
            browser.find("#parcels");
            browser.checkPage("search-results");
            browser.click("#parcels a[href='/my/land/parcels/1111010100100010000']");
            assertTrue(browser.text("#parcel").contains("청운동"));
            browser.checkPage("parcel");
            // The login runs out while the citizen reads the register: the button takes them through the login and
            // back to the parcel, told that nothing was issued (before, the form's address answered 405).
            browser.forgetAllCookies();
            browser.click("#issue-extract button[type=submit]");
            browser.logInAs("citizen2");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/land/parcels/1111010100100010000?resend=true"));
            assertTrue(browser.text("#resend").contains("처리된 것은 없"), browser.text("#resend"));
            assertTrue(browser.all("#issued-number").isEmpty(), "nothing issued without the form");
            browser.checkPage("session-expired-resend");
            browser.click("#issue-extract button[type=submit]");
            String number = browser.text("#issued-number");
            assertTrue(number.matches("\\d{4}-\\d{4}-\\d{4}-\\d{4}"), number);
            browser.checkPage("extract-issued");
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(browser.find("#download-issued").getAttribute("href")))
                    .header("Cookie", browser.cookieHeader()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        }
    }
}
