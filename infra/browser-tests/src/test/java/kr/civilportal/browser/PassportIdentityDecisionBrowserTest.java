package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A passport whose identity check residency could not settle (residency stopped: the check stays pending) is
 * finished in the console: the officer views the applicant's photo, which asks for a reason first and is logged;
 * settles the check by hand with a note (담당자 본인 확인); and approves. The applicant then finds the officer's read
 * of the photo, with its reason, through the API and on their page 내 정보 열람 기록; and the auditor finds it in
 * the console's search of every service's read log (열람 기록 감사).
 */
@ExtendWith(PortalUnderTest.class)
class PassportIdentityDecisionBrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String READ_REASON = "창구 본인 대조 (matching the applicant at the desk)";
    private static final String NOTE = "주민등록증 원본 대조 확인";

    @Test
    void anOfficerSettlesAPendingIdentityCheckWithThePhotoAndApproves(@TempDir Path files) throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        String citizen = Tokens.of(portal.portal.keycloak().tokenEndpoint(), "citizen");
        String id;
        portal.portal.stop(PortalApp.RESIDENCY);
        try {
            // Accepted while residency is away: the check is pending, and only an officer can settle it now.
            id = apply(portal, citizen);
            uploadPhoto(portal, citizen, id, Files.readAllBytes(TestImages.passportPhoto(files)));
            assertTrue(api(portal, citizen, "/api/passport/v1/applications/" + id).body()
                    .contains("\"identityCheck\":\"PENDING\""));

            try (Browser officer = new Browser(portal.baseUrl, "passport-identity-decision")) {
                officer.open("/login");
                officer.logInAs("passport-officer");
                officer.waitUntil(d -> d.getCurrentUrl().endsWith("/admin"));
                officer.open("/admin/passports?status=SUBMITTED&identityCheck=PENDING");
                officer.click("#applications a[href='/admin/passports/" + id + "']");
                officer.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/passports/" + id));
                assertEquals("확인 대기", officer.text("#application-identity"));
                assertTrue(officer.all("#photo").isEmpty(), "no photo before a reason is given");
                officer.checkPage("pending-check");

                // The photo asks for the reason first.
                officer.click("form[action='/admin/passports/" + id + "'] button[type=submit]");
                assertTrue(officer.text("#photoReason-error").contains("사유"), officer.text("main"));
                officer.checkPage("photo-without-reason");
                officer.type("#photoReason", READ_REASON);
                officer.click("form[action='/admin/passports/" + id + "'] button[type=submit]");
                officer.waitUntil(d -> !d.findElements(By.id("photo")).isEmpty());
                officer.waitUntil(d -> Boolean.TRUE.equals(officer.driver.executeScript(
                        "const i = document.getElementById('photo'); return i.complete && i.naturalWidth > 0;")));
                assertEquals(413L, officer.driver.executeScript("return document.getElementById('photo').naturalWidth;"));
                assertTrue(officer.text("#photo-logged").contains(READ_REASON));
                officer.checkPage("photo-shown");

                // Settling without a choice or a note is refused and changes nothing; then with both.
                officer.click("#settle-apply");
                assertTrue(officer.text("#outcome-error").contains("확인 결과"));
                assertTrue(officer.text("#note-error").contains("확인 방법"));
                assertEquals("확인 대기", officer.text("#application-identity"), "nothing changed");
                officer.checkPage("settle-errors");
                officer.click("#outcome-CONFIRMED");
                officer.type("#note", NOTE);
                officer.click("#settle-apply");
                officer.waitUntil(d -> d.getCurrentUrl().contains("settled=true"));
                assertEquals("담당자 확인 완료", officer.text("#application-identity"));
                assertTrue(officer.text("#history").contains(NOTE), officer.text("#history"));
                assertTrue(officer.all("#outcome-CONFIRMED").isEmpty(), "a settled check offers no second decision");
                officer.checkPage("settled");

                // Now the application can be approved: review first, then approval.
                for (String[] step : new String[][] {{"UNDER_REVIEW", "심사 중"}, {"APPROVED", "승인"}}) {
                    new Select(officer.find("#to")).selectByValue(step[0]);
                    officer.click("form[action*='/transitions?'] button[type=submit]");
                    officer.waitUntil(d -> !d.findElements(By.id("error-summary")).isEmpty()
                            || d.findElements(By.id("moved")).stream().anyMatch(m -> m.getText().contains(step[1])));
                    assertTrue(officer.all("#error-summary").isEmpty(), () -> officer.text("#error-summary"));
                    assertEquals(step[1], officer.text("#application-status"));
                }
            }
        } finally {
            portal.portal.start(PortalApp.RESIDENCY);
        }

        // The applicant sees who read the photo, and why: exactly the officer's one read of this application.
        HttpResponse<String> reads = api(portal, citizen, "/api/passport/v1/me/photo-reads");
        assertEquals(200, reads.statusCode(), reads.body());
        String read = "{\"applicationId\":\"" + id + "\"";
        assertEquals(reads.body().indexOf(read), reads.body().lastIndexOf(read), "one read: " + reads.body());
        assertTrue(reads.body().startsWith("[" + read), "the newest first: " + reads.body());
        String entry = reads.body().substring(1, reads.body().indexOf('}') + 1);
        assertTrue(entry.contains("\"official\":\"passport-officer\"") && entry.contains(READ_REASON), entry);

        // And on their own page (내 정보 열람 기록), linked from 나의 민원.
        try (Browser applicant = new Browser(portal.baseUrl, "passport-identity-decision-applicant")) {
            applicant.open("/login");
            applicant.logInAs("citizen");
            applicant.waitUntil(d -> d.getCurrentUrl().endsWith("/my"));
            applicant.click("#record-reads-link");
            applicant.waitUntil(d -> d.getCurrentUrl().endsWith("/my/record-reads"));
            String photoReads = applicant.text("#reads-passport");
            assertTrue(photoReads.contains(READ_REASON) && photoReads.contains("passport-officer")
                    && photoReads.contains("여권 사진 열람"), photoReads);
            applicant.find("#reads-passport a[href='/my/petitions/passport/" + id + "']");
            applicant.find("#reads-residency");
            applicant.checkPage("record-reads");
        }

        // The auditor finds the read in the console (열람 기록 감사): by the officer's user name, this month.
        try (Browser auditor = new Browser(portal.baseUrl, "passport-identity-decision-auditor")) {
            auditor.open("/login");
            auditor.logInAs("auditor");
            auditor.waitUntil(d -> d.getCurrentUrl().endsWith("/admin"));
            auditor.click("a[href='/admin/audit']");
            auditor.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/audit"));
            auditor.type("#official", "passport-officer");
            auditor.click("#audit-search-submit");
            auditor.waitUntil(d -> d.getCurrentUrl().contains("official=passport-officer"));
            String found = auditor.text("#audit-passport");
            assertTrue(found.contains(READ_REASON) && found.contains(id) && found.contains("여권 사진 열람"), found);
            auditor.find("#audit-residency");
            auditor.checkPage("audit-search");
            // The auditor reads logs, not cases: the passport queue says which role opens it.
            auditor.open("/admin/passports");
            assertTrue(auditor.text("#needed-roles").contains("여권 담당 공무원"), auditor.text("main"));
        }
    }

    private static String apply(PortalUnderTest portal, String token) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/api/passport/v1/applications"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":26}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }

    private static void uploadPhoto(PortalUnderTest portal, String token, String id, byte[] jpeg) throws Exception {
        HttpResponse<String> stored = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl
                        + "/api/passport/v1/applications/" + id + "/photo"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stored.statusCode(), stored.body());
    }

    private static HttpResponse<String> api(PortalUnderTest portal, String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
