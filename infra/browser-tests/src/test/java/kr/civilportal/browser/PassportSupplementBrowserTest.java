package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import kr.civilportal.testsupport.Tokens;
import kr.civilportal.testsupport.UploadedDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 보완요청 (supplement request) from both sides. A passport officer asks in the console for what is missing, by a
 * deadline; the citizen sees what was asked and by when on /my and on the application's page, sends a new photo and
 * answers (보완 제출) with a word and a document (a file that is not what its name says is refused at the field first);
 * the application is back in the officer's queue with the answer, the officer downloads the very file the citizen
 * chose and approves it, which the citizen sees. And a
 * supplement left past its deadline: passport's {@code SupplementDeadlineJob} rejects it (반려) by itself, with the
 * deadline in the reason, and the citizen is offered no 보완 제출 any more; one whose deadline is today is left alone.
 */
@ExtendWith(PortalUnderTest.class)
class PassportSupplementBrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");
    /** How often the application is read again while its identity check is under way. */
    private static final Duration POLL = Duration.ofMillis(250);
    /**
     * How long the citizen's page is reloaded waiting for the automatic 반려: the job runs every 5 s in the browser
     * tests' portal (PortalUnderTest), so this leaves it many runs on a saturated machine.
     */
    private static final Duration JOB_WAIT = Duration.ofMinutes(3);

    @Test
    void aCitizenAnswersASupplementRequestWithANewPhotoTextAndADocumentAndTheOfficerApprovesIt(@TempDir Path files) throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        String citizenToken = Tokens.of(portal.portal.keycloak().tokenEndpoint(), "citizen");
        String id = apply(portal, citizenToken);
        // Approval waits for the identity check (residency's answer): let it come first, as it does in seconds.
        awaitIdentityVerified(portal, citizenToken, id);
        String officerPage = "/admin/passports/" + id;
        String citizenPage = "/my/petitions/passport/" + id;
        String asked = "사진 배경이 흰색이 아닙니다. 흰 배경의 새 사진을 올려 주세요";
        String said = "흰 배경으로 다시 찍은 사진을 올렸습니다. 사진관 확인서를 첨부합니다";
        LocalDate deadline = LocalDate.now(KOREA).plusDays(7);

        try (Browser officer = new Browser(portal.baseUrl, "passport-supplement-officer");
             Browser citizen = new Browser(portal.baseUrl, "passport-supplement-citizen")) {
            // The officer reviews it and asks for a supplement: what is missing, and by when.
            officer.open(officerPage);
            officer.logInAs("passport-officer");
            officer.waitUntil(d -> d.getCurrentUrl().endsWith(officerPage));
            step(officer, "UNDER_REVIEW", "심사 중");
            new Select(officer.find("#to")).selectByValue("SUPPLEMENT_REQUESTED");
            officer.type("#reason", asked);
            // Chromium's date field takes typed digits in the order of the browser's locale, not an ISO date: set
            // its value as the date picker would (as OfficerMoveInBrowserTest does for the move-in date).
            officer.driver.executeScript("document.getElementById('supplementDeadline').value = arguments[0]",
                    deadline.toString());
            officer.click("form[action*='/transitions?'] button[type=submit]");
            officer.waitUntil(d -> d.getCurrentUrl().contains("moved=true"));
            assertTrue(officer.all("#error-summary").isEmpty(), () -> officer.text("#error-summary"));
            assertEquals("보완 요청", officer.text("#application-status"));
            assertTrue(officer.text("#history").contains(asked), officer.text("#history"));
            officer.checkPage("supplement-requested");

            // The citizen: on /my, the application waits for them, saying what was asked and by when.
            citizen.open("/my");
            citizen.logInAs("citizen");
            citizen.waitUntil(d -> d.getCurrentUrl().endsWith("/my"));
            String row = citizen.waitUntil(d -> d.findElement(By.cssSelector(
                    "#petitions-passport a[href='" + citizenPage + "']")).findElement(By.xpath("ancestor::tr")).getText());
            assertTrue(row.contains("보완요청") && row.contains(asked) && row.contains("보완 기한 " + deadline), row);

            // The application's page: the request, the deadline, a new-photo form and 보완 제출.
            citizen.click("#petitions-passport a[href='" + citizenPage + "']");
            citizen.waitUntil(d -> d.getCurrentUrl().endsWith(citizenPage));
            assertEquals("보완요청", citizen.text("#petition-state"));
            assertEquals(asked, citizen.text("#supplement-reason"));
            assertEquals(deadline.toString(), citizen.text("#supplement-deadline"));
            assertTrue(citizen.text("#supplement").contains("보완 제출"), citizen.text("#supplement"));
            citizen.find("#resubmit button[type=submit]");
            citizen.checkPage("supplement");

            citizen.find("#photo").sendKeys(TestImages.passportPhoto(files).toString());
            citizen.click("form[action^='/my/passport/applications/" + id + "/photo'] button[type=submit]");
            citizen.waitUntil(d -> d.getCurrentUrl().contains("photoReplaced=true"));
            assertTrue(citizen.text("main").contains("사진을 바꾸었습니다"), citizen.text("main"));
            assertTrue(citizen.all("#photo-refused").isEmpty(), "the new photo was taken");
            assertEquals("보완요청", citizen.text("#petition-state"), "not sent back before 보완 제출");
            citizen.checkPage("supplement-photo-replaced");

            // 보완 제출 with a word for the officer and a document (docs/supplement-documents.md). A file that is
            // not what its name says is refused at the field, the text kept, and nothing is sent back yet.
            Path notAPdf = files.resolve("scan.pdf");
            Files.writeString(notAPdf, "this is a text file named like a PDF");
            citizen.type("#answer", said);
            citizen.find("#documents").sendKeys(notAPdf.toString());
            citizen.click("#resubmit button[type=submit]");
            citizen.waitUntil(d -> !d.findElements(By.id("documents-error")).isEmpty());
            assertTrue(citizen.text("#documents-error").contains("PDF"), citizen.text("#documents-error"));
            assertEquals(said, citizen.find("#answer").getAttribute("value"), "the text is kept");
            assertEquals("보완요청", citizen.text("#petition-state"));
            citizen.checkPage("supplement-document-refused");

            // Now with a real PDF, chosen in the file input as a citizen would; the kept text goes with it.
            byte[] note = UploadedDocuments.pdf("Passport photo taken on a white background");
            Path noteFile = files.resolve("photo-note.pdf");
            Files.write(noteFile, note);
            citizen.find("#documents").sendKeys(noteFile.toString());
            citizen.click("#resubmit button[type=submit]");
            citizen.waitUntil(d -> d.getCurrentUrl().contains("resubmitted=true"));
            assertTrue(citizen.text("#resubmitted").contains("보완 제출되었습니다"), citizen.text("#resubmitted"));
            assertEquals("처리중", citizen.text("#petition-state"));
            assertTrue(lastStep(citizen).contains("심사 중"), lastStep(citizen));
            assertTrue(citizen.all("#supplement").isEmpty() && citizen.all("#resubmit").isEmpty(),
                    "nothing more asked of the citizen");
            // What was sent stays on the page: the text and the document.
            assertEquals(said, citizen.text("#supplement-0-answer"));
            String listed = citizen.text("#supplement-0-document-0");
            assertTrue(listed.contains("photo-note.pdf") && listed.contains("application/pdf"), listed);
            citizen.checkPage("supplement-answered");

            // Back in the officer's queue: under review, still theirs (a supplement request does not let it go).
            officer.open("/admin/passports?status=UNDER_REVIEW&held=MINE");
            officer.click("#applications a[href='" + officerPage + "']");
            officer.waitUntil(d -> d.getCurrentUrl().endsWith(officerPage));
            assertEquals("심사 중", officer.text("#application-status"));
            // The answer, shown with what was asked; the officer's download is the very file the citizen chose.
            assertTrue(officer.text("#supplement-answers").contains(asked), officer.text("#supplement-answers"));
            assertEquals(said, officer.text("#supplement-0-answer"));
            assertTrue(officer.text("#supplement-0-document-0").contains("photo-note.pdf"),
                    officer.text("#supplement-0-document-0"));
            String href = officer.find("#supplement-0-document-0 a").getAttribute("href");
            HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", officer.cookieHeader()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, download.statusCode());
            assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
            assertArrayEquals(note, download.body());
            officer.checkPage("supplement-answer-shown");
            step(officer, "APPROVED", "승인");
            officer.checkPage("supplement-approved");

            // The citizen sees it approved.
            citizen.open(citizenPage);
            assertTrue(lastStep(citizen).contains("승인"), lastStep(citizen));
            assertEquals("처리중", citizen.text("#petition-state"));
            assertTrue(citizen.all("#resubmit").isEmpty());
            citizen.open("/my");
            String approvedRow = citizen.waitUntil(d -> d.findElement(By.cssSelector(
                    "#petitions-passport a[href='" + citizenPage + "']")).findElement(By.xpath("ancestor::tr")).getText());
            assertTrue(approvedRow.contains("승인"), approvedRow);
        }
    }

    @Test
    void aSupplementLeftPastItsDeadlineIsRejectedByItself() throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        String citizenToken = Tokens.of(portal.portal.keycloak().tokenEndpoint(), "citizen");
        String officerToken = Tokens.of(portal.portal.keycloak().tokenEndpoint(), "passport-officer");
        String overdue = apply(portal, citizenToken);
        String dueToday = apply(portal, citizenToken);
        for (String id : List.of(overdue, dueToday)) {
            // The identity check's own history step settled before the request, as usually happens.
            awaitIdentityVerified(portal, citizenToken, id);
            move(portal, officerToken, id, "{\"to\":\"UNDER_REVIEW\"}");
            move(portal, officerToken, id, "{\"to\":\"SUPPLEMENT_REQUESTED\",\"reason\":\"여권 사진 재제출\","
                    + "\"supplementDeadline\":\"" + LocalDate.now(KOREA).plusDays(3) + "\"}");
        }

        // The clock: the services' cannot be moved, so the deadlines are. A deadline must be after today when asked
        // for, so they are moved in passport's database: yesterday (Korea) for one, today for the other, whose
        // citizen may still answer all day. The history is append-only (a trigger refuses UPDATE); this test, as the
        // database's superuser, turns triggers off for its one transaction only (session_replication_role).
        LocalDate today = LocalDate.now(KOREA);
        LocalDate yesterday = today.minusDays(1);
        try (Connection c = portal.portal.database().superuser("passport")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE passport_status_change SET supplement_deadline = ? "
                    + "WHERE application_id = ?::uuid AND to_status = 'SUPPLEMENT_REQUESTED' AND identity_check IS NULL")) {
                s.setObject(1, yesterday);
                s.setString(2, overdue);
                assertEquals(1, s.executeUpdate());
                s.setObject(1, today);
                s.setString(2, dueToday);
                assertEquals(1, s.executeUpdate());
            }
            c.commit();
        }

        String page = "/my/petitions/passport/" + overdue;
        try (Browser citizen = new Browser(portal.baseUrl, "passport-supplement-deadline")) {
            citizen.open(page);
            citizen.logInAs("citizen");
            citizen.waitUntil(d -> d.getCurrentUrl().endsWith(page));
            // The job runs every few seconds here: the page is read again until it shows 반려 (or the wait ends).
            String state = new WebDriverWait(citizen.driver, JOB_WAIT, Duration.ofSeconds(2)).until(d -> {
                d.navigate().refresh();
                String shown = d.findElement(By.id("petition-state")).getText();
                return "반려".equals(shown) ? shown : null;
            });
            assertEquals("반려", state);
            String last = lastStep(citizen);
            assertTrue(last.contains("반려") && last.contains("보완 기한(" + yesterday + ")까지 보완이 없어 반려되었습니다"),
                    last);
            assertTrue(citizen.all("#resubmit").isEmpty(), "no 보완 제출 offered any more");
            assertTrue(citizen.all("#supplement").isEmpty() && citizen.all("#photo").isEmpty(), "nothing asked any more");
            citizen.checkPage("rejected-after-deadline");

            // The job judged both in the same run: the one due today still waits for its citizen.
            citizen.open("/my/petitions/passport/" + dueToday);
            assertEquals("보완요청", citizen.text("#petition-state"));
            assertEquals(today.toString(), citizen.text("#supplement-deadline"));
            citizen.find("#resubmit button[type=submit]");
        }
        // The history names who rejected it: no person.
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl
                + "/api/passport/v1/applications/" + overdue)).header("Authorization", "Bearer " + citizenToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("\"by\":\"system:supplement-deadline\""), read.body());
    }

    /** The newest step of the application's history as the citizen's page lists it. */
    private static String lastStep(Browser citizen) {
        citizen.find("#petition-history li");
        List<org.openqa.selenium.WebElement> steps = citizen.all("#petition-history li");
        return steps.get(steps.size() - 1).getText();
    }

    /** Applies one step in the console and waits for the page that follows: the new status, or the refusal. */
    private static void step(Browser officer, String to, String statusShown) {
        new Select(officer.find("#to")).selectByValue(to);
        officer.click("form[action*='/transitions?'] button[type=submit]");
        officer.waitUntil(d -> !d.findElements(By.id("error-summary")).isEmpty()
                || d.findElements(By.id("moved")).stream().anyMatch(m -> m.getText().contains(statusShown)));
        assertTrue(officer.all("#error-summary").isEmpty(), () -> officer.text("#error-summary"));
        assertEquals(statusShown, officer.text("#application-status"));
    }

    /** A new application of the demo citizen to 종로구청 (passport-officer's office), through the gateway's API. */
    private static String apply(PortalUnderTest portal, String token) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl + "/api/passport/v1/applications"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58,\"office\":\"SEOUL-JONGNO\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }

    private static void move(PortalUnderTest portal, String token, String id, String body) throws Exception {
        HttpResponse<String> moved = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl
                        + "/api/passport/v1/applications/" + id + "/transitions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, moved.statusCode(), moved.body());
    }

    /** The identity check runs right after submission (or again in the background): wait for its answer. */
    private static void awaitIdentityVerified(PortalUnderTest portal, String token, String id) throws Exception {
        Instant deadline = Instant.now().plus(Browser.WAIT);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> one = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl
                    + "/api/passport/v1/applications/" + id)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            body = one.body();
            if (body.contains("\"identityCheck\":\"VERIFIED\"")) {
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new AssertionError("identity check of " + id + " not verified in time: " + body);
    }
}
