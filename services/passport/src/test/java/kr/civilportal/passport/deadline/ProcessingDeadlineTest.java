package kr.civilportal.passport.deadline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.sql.DataSource;
import kr.civilportal.common.time.WorkingDays;
import kr.civilportal.testsupport.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.junit.jupiter.api.Test;

/**
 * 처리기한 and the office's day: each application carries its deadline from the day it was received; past it while
 * the office owes the work, it is overdue (for the officer and the applicant alike), not while the citizen owes a
 * supplement; the counts follow. The deadline of a case is moved into the past in the database to stand for time
 * passing (the statutory counting itself: {@link ProcessingPeriodTest}).
 */
@QuarkusTest
class ProcessingDeadlineTest {

    private static final String PATH = "/api/passport/v1/applications";
    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    @Inject
    DataSource dataSource;
    @Inject
    ProcessingDeadlines deadlines;

    @Test
    void theWorkingDaysAreThePortalsOneCalendar() {
        // portal.public-holidays comes from portal-common's META-INF/microprofile-config.properties (a default
        // source, ordinal 100): the service keeps no list of its own.
        ConfigValue holidays = ConfigProvider.getConfig().getConfigValue(WorkingDays.SETTING);
        assertEquals(100, holidays.getSourceOrdinal(), holidays.getSourceName());
        assertTrue(holidays.getSourceName().contains("microprofile-config.properties"), holidays.getSourceName());
        assertEquals(WorkingDays.parse(holidays.getValue()), deadlines.calendar());
        assertFalse(deadlines.calendar().isWorkingDay(LocalDate.parse("2026-09-24")), "추석");
        assertTrue(deadlines.calendar().holidaysListedFor(LocalDate.parse("2027-06-01")));
        // Received the day before 추석 (Wed Sep 23, 2026): Sep 23 (1), Sep 28-Oct 2 (6), Oct 5 substitute, Oct 6 (7),
        // Oct 7 (8).
        assertEquals(LocalDate.parse("2026-10-07"), deadlines.dueOn(java.time.Instant.parse("2026-09-23T01:00:00Z")));
    }

    @Test
    void anApplicationIsDueEightWorkingDaysAfterItWasReceived() {
        JsonPath created = submit();
        LocalDate due = LocalDate.parse(created.getString("dueOn"));
        assertEquals(deadlines.dueOn(java.time.Instant.parse(created.getString("submittedAt"))), due);
        assertTrue(due.isAfter(LocalDate.now(KOREA).plusDays(7)), "eight working days are at least ten days: " + due);
        assertEquals(false, created.getBoolean("overdue"));
    }

    @Test
    void pastItsDeadlineItIsOverdueUntilTheOfficeIsDoneAndNotWhileTheCitizenOwesASupplement() throws Exception {
        JsonPath before = counts();
        String id = submit().getString("id");
        dueYesterday(id);
        officerReads(id).then().body("overdue", equalTo(true));
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id).then().body("overdue", equalTo(true));
        JsonPath overdue = counts();
        assertEquals(before.getLong("received") + 1, overdue.getLong("received"));
        assertEquals(before.getLong("overdue") + 1, overdue.getLong("overdue"));

        move(id, "{\"to\":\"UNDER_REVIEW\"}");
        move(id, "{\"to\":\"SUPPLEMENT_REQUESTED\",\"reason\":\"사진 재제출\",\"supplementDeadline\":\""
                + LocalDate.now(KOREA).plusDays(14) + "\"}");
        officerReads(id).then().body("overdue", equalTo(false));
        assertEquals(before.getLong("overdue"), counts().getLong("overdue"), "the citizen owes the next step");
        assertEquals(before.getLong("waitingForSupplement") + 1, counts().getLong("waitingForSupplement"));

        given().auth().oauth2(Tokens.of("citizen")).when().post(PATH + "/" + id + "/resubmission")
                .then().statusCode(200).body("overdue", equalTo(true));
        move(id, "{\"to\":\"REJECTED\",\"reason\":\"신청인 요청\"}");
        officerReads(id).then().body("overdue", equalTo(false));
        JsonPath after = counts();
        assertEquals(before.getLong("overdue"), after.getLong("overdue"));
        assertEquals(before.getLong("doneToday") + 1, after.getLong("doneToday"));
    }

    private static io.restassured.response.Response officerReads(String id) {
        return given().auth().oauth2(Tokens.of("passport-officer")).when().get(PATH + "/" + id);
    }

    private static void move(String id, String body) {
        given().auth().oauth2(Tokens.of("passport-officer")).contentType(ContentType.JSON).body(body)
                .when().post(PATH + "/" + id + "/transitions").then().statusCode(200);
    }

    private static JsonPath counts() {
        return given().auth().oauth2(Tokens.of("passport-officer")).when().get(PATH + "/counts")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath submit() {
        return given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(PATH).then().statusCode(201).extract().jsonPath();
    }

    private void dueYesterday(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE passport_application SET due_on = ? WHERE id = ?::uuid")) {
            s.setObject(1, LocalDate.now(KOREA).minusDays(1));
            s.setString(2, id);
            assertEquals(1, s.executeUpdate());
        }
    }
}
