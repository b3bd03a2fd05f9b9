package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A citizen starts a passport application with a photo, quits the browser after the photo step, comes back in
 * a new browser (new session, new login) and finds the draft with its photo, as the gateway keeps drafts in
 * its database; submits; once a passport officer has the passport ready for pickup, books a pickup slot from
 * the application's page (a resent form books once), sees it, cancels it and books again; a time that fills
 * up while the form is open is refused on the slot field.
 * Uses citizen2 so that the other passport journey's draft is never this one's.
 */
@ExtendWith(PortalUnderTest.class)
class PassportPickupBrowserTest {

    private static final String CITIZEN = "citizen2";

    @Test
    void aDraftWithItsPhotoSurvivesQuittingTheBrowserAndTheReadyPassportGetsAPickupAppointment(@TempDir Path files)
            throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        try (Browser browser = new Browser(portal.baseUrl, "pickup-1-draft")) {
            browser.open("/my/passport");
            browser.logInAs(CITIZEN);
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/passport"));
            browser.checkPage("choices");
            browser.click("#kind-NEW");
            browser.click("#validity-TEN_YEARS");
            browser.click("#pages-26");
            browser.click("form[action^='/my/passport/choices?'] button[type=submit]");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/passport/photo"));
            browser.find("#photo").sendKeys(TestImages.passportPhoto(files).toString());
            browser.checkPage("photo-chosen");
            browser.click("form[action^='/my/passport/photo?'] button[type=submit]");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/passport/review"));
            browser.checkPage("review");
        }
        // The browser was quit after the photo step; a new one logs in again.
        String id;
        try (Browser browser = new Browser(portal.baseUrl, "pickup-2-resumed")) {
            browser.open("/my/passport");
            browser.logInAs(CITIZEN);
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/passport"));
            assertTrue(browser.text("#draft-resumed").contains("이어서"));
            assertTrue(browser.find("#kind-NEW").isSelected() && browser.find("#validity-TEN_YEARS").isSelected()
                    && browser.find("#pages-26").isSelected(), "the choices were kept");
            browser.checkPage("draft-resumed");
            browser.click("form[action^='/my/passport/choices?'] button[type=submit]");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/passport/photo"));
            assertTrue(browser.text("#photo-saved").contains("KB"), "the photo was kept: " + browser.text("#photo-saved"));
            browser.checkPage("photo-kept");
            // No new file: the saved photo is used.
            browser.click("form[action^='/my/passport/photo?'] button[type=submit]");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/passport/review"));
            assertTrue(browser.text("#fee-total").endsWith("원"));
            browser.click("#office-SEOUL-JONGNO");
            // The fee at the office, when the passport is collected: this journey is about the pickup (the fee paid
            // online is PassportFeeBrowserTest's).
            browser.click("#payment-AT_COUNTER");
            browser.click("form[action^='/my/passport/submission?'] button[type=submit]");
            browser.waitUntil(d -> d.getCurrentUrl().contains("/my/petitions/passport/"));
            assertTrue(browser.text("#submitted").contains("접수"));
            browser.checkPage("submitted");
            id = browser.driver.getCurrentUrl().replaceAll(".*/passport/([^?]+).*", "$1");
            assertTrue(browser.all("#photo-refused").isEmpty(), "the kept photo was accepted by the service");
            assertTrue(browser.all("#book-pickup").isEmpty(), "no pickup booking before the passport is ready");

            // Not ready yet: the appointment page says when booking becomes possible.
            browser.open("/my/appointments/" + id);
            assertTrue(browser.text("#not-ready").contains("수령 대기"));
            browser.checkPage("appointment-not-ready");

            readyForPickup(portal, id);

            // From the dashboard to the list of passports to book.
            browser.open("/my");
            browser.click("#appointments-link");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/appointments"));
            assertTrue(browser.text("#pickup-" + id).contains("수령 대기"));
            browser.checkPage("appointments-list");

            // From the application's page to the booking form.
            browser.open("/my/petitions/passport/" + id);
            browser.click("#book-pickup");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/my/appointments/" + id));
            browser.checkPage("appointment-form");
            browser.click("#book-appointment");
            assertTrue(browser.text("#slotId-error").contains("수령 시간을 선택"));
            assertTrue(browser.text("#error-summary").contains("수령 시간을 선택"));
            browser.checkPage("appointment-errors");

            WebElement first = browser.waitUntil(d -> d.findElements(By.cssSelector("input[name=slotId]")).stream()
                    .filter(WebElement::isEnabled).findFirst().orElse(null));
            String slotId = first.getAttribute("value");
            int remainingBefore = remaining(portal, slotId);
            String key = browser.value("input[name=idempotencyKey]");
            WebElement csrf = browser.driver.findElement(By.cssSelector(
                    "form[action^='/my/appointments/" + id + "?'] input[type=hidden]:not([name=idempotencyKey]):not([name=office])"));
            String csrfField = csrf.getAttribute("name");
            String csrfToken = csrf.getAttribute("value");
            browser.click("#slot-" + slotId);
            browser.click("#book-appointment");
            browser.waitUntil(d -> d.getCurrentUrl().contains("booked=true"));
            assertTrue(browser.text("#booked").contains("예약이 완료"));
            assertFalse(browser.text("#appointment-time").isBlank());
            assertTrue(browser.text("#appointment-office").contains("여권민원실"));
            browser.checkPage("appointment-booked");
            assertEquals(remainingBefore - 1, remaining(portal, slotId));

            // The same form sent again (a double click, a resend): the same result, no second place taken.
            HttpResponse<String> resend = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(portal.baseUrl + "/my/appointments/" + id))
                    .header("Cookie", browser.cookieHeader())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(csrfField, csrfToken, "idempotencyKey", key,
                            "slotId", slotId))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(303, resend.statusCode(), resend.body());
            assertTrue(resend.headers().firstValue("Location").orElse("").endsWith("/my/appointments/" + id + "?booked=true"));
            assertEquals(remainingBefore - 1, remaining(portal, slotId), "a resent form books once");

            browser.open("/my/appointments");
            assertTrue(browser.text("#pickup-" + id).contains("여권민원실"), "the list shows the booking");

            browser.open("/my/appointments/" + id);
            browser.click("#cancel-appointment");
            browser.waitUntil(d -> d.getCurrentUrl().contains("cancelled=true"));
            assertTrue(browser.text("#cancelled").contains("취소"));
            assertTrue(browser.all("#appointment").isEmpty());
            browser.checkPage("appointment-cancelled");
            assertEquals(remainingBefore, remaining(portal, slotId), "the place is free again");

            browser.click("#slot-" + slotId);
            browser.click("#book-appointment");
            browser.waitUntil(d -> d.getCurrentUrl().contains("booked=true"));
            String shownTime = browser.text("#appointment-time");
            browser.open("/my/appointments");
            assertTrue(browser.text("#pickup-" + id).contains(shownTime), "the list shows the booked time");
            browser.checkPage("appointments-list-booked");

            // Moving to another time that fills up while the citizen looks at the form: 409 slot-full from the
            // service, said on the slot field and in the summary, the choice kept, the booking unchanged.
            browser.open("/my/appointments/" + id);
            assertTrue(browser.text("label[for='slot-" + slotId + "']").contains("현재 예약"), "the booked time is marked");
            // The passport is handed over where it was applied for: that office's times only, no office to choose.
            assertEquals(1, browser.all(".portal-slot-office").size(), "the receiving office only");
            assertTrue(browser.text(".portal-slot-office").contains("종로구청"), browser.text(".portal-slot-office"));
            assertTrue(browser.all("#office-filter").isEmpty());
            browser.checkPage("appointment-one-office");
            WebElement other = browser.waitUntil(d -> d.findElements(By.cssSelector("input[name=slotId]")).stream()
                    .filter(e -> e.isEnabled() && !e.getAttribute("value").equals(slotId)).findFirst().orElse(null));
            String otherId = other.getAttribute("value");
            browser.click("#slot-" + otherId);
            fill(portal, otherId);
            assertEquals(0, remaining(portal, otherId));
            browser.click("#book-appointment");
            assertTrue(browser.text("#slotId-error").contains("마감"), browser.text("#slotId-error"));
            assertTrue(browser.text("#error-summary").contains("마감"));
            assertTrue(browser.find("#slot-" + otherId).isSelected(), "the chosen time is kept");
            assertEquals(shownTime, browser.text("#appointment-time"), "the booking is unchanged");
            assertEquals(1, browser.all(".portal-slot-office").size(), "still the office chosen");
            browser.checkPage("appointment-slot-full");
        }
    }

    /** Other passports of the same citizen, ready for pickup, take every place left in the slot. */
    private static void fill(PortalUnderTest portal, String slotId) throws Exception {
        String citizen = Tokens.of(portal.portal.keycloak().tokenEndpoint(), CITIZEN);
        for (int left = remaining(portal, slotId); left > 0; left--) {
            String other = JsonPath.from(send(portal, citizen, "POST", "/api/passport/v1/applications",
                    "{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}", 201)).getString("id");
            readyForPickup(portal, other);
            HttpResponse<String> booked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            portal.baseUrl + "/api/passport/v1/applications/" + other + "/appointment"))
                    .header("Authorization", "Bearer " + citizen).header("Content-Type", "application/json")
                    .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"slotId\":\"" + slotId + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, booked.statusCode(), booked.body());
        }
    }

    /** A passport officer takes the application to 수령 대기, through the passport API as the console would. */
    private static void readyForPickup(PortalUnderTest portal, String id) throws Exception {
        String officer = Tokens.of(portal.portal.keycloak().tokenEndpoint(), "passport-officer");
        String check = JsonPath.from(send(portal, officer, "GET", "/api/passport/v1/applications/" + id, null, 200))
                .getString("identityCheck");
        if (!check.equals("VERIFIED") && !check.equals("CONFIRMED_BY_OFFICER")) {
            // The identity is checked at the desk (demo users may not be known to residency in time).
            HttpResponse<String> r = raw(portal, officer, "POST", "/api/passport/v1/applications/" + id + "/identity-check",
                    "{\"outcome\":\"CONFIRMED\",\"note\":\"신분증 대조 (browser test)\"}");
            assertTrue(r.statusCode() == 200 || r.statusCode() == 409, r.body());
        }
        for (String to : List.of("UNDER_REVIEW", "APPROVED", "PRINTING", "READY_FOR_PICKUP")) {
            send(portal, officer, "POST", "/api/passport/v1/applications/" + id + "/transitions",
                    "{\"to\":\"" + to + "\"}", 200);
        }
    }

    private static int remaining(PortalUnderTest portal, String slotId) throws Exception {
        String citizen = Tokens.of(portal.portal.keycloak().tokenEndpoint(), CITIZEN);
        JsonPath slots = JsonPath.from(send(portal, citizen, "GET", "/api/passport/v1/pickup-slots", null, 200));
        List<String> ids = slots.getList("id");
        int index = ids.indexOf(slotId);
        assertTrue(index >= 0, "No slot " + slotId);
        return slots.getInt("[" + index + "].remaining");
    }

    private static String send(PortalUnderTest portal, String token, String method, String path, String json, int expected)
            throws Exception {
        HttpResponse<String> r = raw(portal, token, method, path, json);
        assertEquals(expected, r.statusCode(), method + " " + path + ": " + r.body());
        return r.body();
    }

    private static HttpResponse<String> raw(PortalUnderTest portal, String token, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(portal.baseUrl + path)).header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String... pairs) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!s.isEmpty()) {
                s.append('&');
            }
            s.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return s.toString();
    }
}
