package kr.civilportal.passport.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.common.testing.KeyedWrite;
import kr.civilportal.common.testing.Rows;
import kr.civilportal.passport.identity.IdentityFixtures;
import kr.civilportal.passport.photo.TestJpegs;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Every write of passport, sent twice under one Idempotency-Key as a phone or the gateway does after a lost
 * answer: done once, the retry gets the first answer; the key for another request is a 422 that changes nothing.
 * (Bookings, which require a key, are tested in AppointmentResourceTest.)
 */
@QuarkusTest
class RetriedWritesTest {

    static final String APPLICATIONS = "/api/passport/v1/applications";

    @Inject
    DataSource dataSource;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    @Test
    void aRetriedApplicationIsOneApplication() {
        long before = applications();
        KeyedWrite apply = KeyedWrite.post(APPLICATIONS,
                () -> as("citizen").body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":26}"));
        apply.twice().then().statusCode(201).body("pages", equalTo(26));
        assertEquals(before + 1, applications());
        apply.reusedFor(() -> as("citizen").body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}"));
        assertEquals(before + 1, applications());
    }

    @Test
    void aRetriedStatusChangeIsMadeOnceAndNotRefusedAsAlreadyMade() {
        String id = submitted();
        KeyedWrite review = KeyedWrite.post(transitions(id), () -> as("passport-officer").body("{\"to\":\"UNDER_REVIEW\"}"));
        review.twice().then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        assertEquals(1, changes(id, "UNDER_REVIEW"));
        review.reusedFor(() -> as("passport-officer").body("{\"to\":\"REJECTED\",\"reason\":\"서류 미비\"}"));
        assertEquals(0, changes(id, "REJECTED"));
        assertEquals("UNDER_REVIEW", statusOf(id));
    }

    @Test
    void aRetriedResubmissionReturnsToReviewOnce() {
        String id = supplementRequested();
        String other = supplementRequested();
        KeyedWrite resubmit = KeyedWrite.post(APPLICATIONS + "/" + id + "/resubmission", () -> as("citizen"));
        resubmit.twice().then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        assertEquals(1, Rows.count(dataSource, "SELECT count(*) FROM passport_status_change "
                + "WHERE application_id = ?::uuid AND from_status = 'SUPPLEMENT_REQUESTED'", id));
        resubmit.reusedFor(Method.POST, APPLICATIONS + "/" + other + "/resubmission", () -> as("citizen"));
        assertEquals("SUPPLEMENT_REQUESTED", statusOf(other));
    }

    @Test
    void aRetriedIdentityDecisionIsRecordedOnce() {
        String id = submitted();
        String body = "{\"outcome\":\"CONFIRMED\",\"note\":\"신분증 대조\"}";
        KeyedWrite confirm = KeyedWrite.post(APPLICATIONS + "/" + id + "/identity-check",
                () -> as("passport-officer").body(body));
        confirm.twice().then().statusCode(200).body("identityCheck", equalTo("CONFIRMED_BY_OFFICER"));
        assertEquals(1, Rows.count(dataSource, "SELECT count(*) FROM passport_status_change "
                + "WHERE application_id = ?::uuid AND identity_check IS NOT NULL", id));
        confirm.reusedFor(() -> as("passport-officer").body(body.replace("CONFIRMED", "REFUTED")));
        assertEquals(0, Rows.count(dataSource, "SELECT count(*) FROM passport_status_change "
                + "WHERE application_id = ?::uuid AND identity_check = 'REFUTED_BY_OFFICER'", id));
    }

    @Test
    void aRetriedPhotoUploadStoresTheFileOnce() {
        String id = submitted();
        String photo = APPLICATIONS + "/" + id + "/photo";
        byte[] jpeg = TestJpegs.plain(413, 531);
        KeyedWrite upload = KeyedWrite.of(Method.PUT, photo,
                () -> given().auth().oauth2(Tokens.of("citizen")).contentType("image/jpeg").body(jpeg));
        String uploadedAt = upload.twice().then().statusCode(200).body("bytes", equalTo(jpeg.length))
                .extract().path("uploadedAt");
        assertEquals(1, Rows.count(dataSource, "SELECT count(*) FROM passport_photo WHERE application_id = ?::uuid "
                + "AND uploaded_at = ?::timestamptz", id, uploadedAt), "stored once: the retry wrote nothing again");
        byte[] other = TestJpegs.plain(472, 606);
        upload.reusedFor(() -> given().auth().oauth2(Tokens.of("citizen")).contentType("image/jpeg").body(other));
        assertEquals(1, Rows.count(dataSource, "SELECT count(*) FROM passport_photo WHERE application_id = ?::uuid "
                + "AND width_px = 413", id), "the first photo stays");
    }

    @Test
    void aRetriedCancellationIsA204AgainAndFreesOnePlace() throws Exception {
        UUID slot = slot(2);
        String mine = readyApplication();
        String another = readyApplication();
        book(mine, slot);
        book(another, slot);
        KeyedWrite cancel = KeyedWrite.of(Method.DELETE, APPLICATIONS + "/" + mine + "/appointment",
                () -> given().auth().oauth2(Tokens.of("citizen")));
        cancel.twice().then().statusCode(204);
        assertEquals(1, Rows.count(dataSource, "SELECT booked FROM pickup_slot WHERE id = ?", slot), "one place freed");
        cancel.reusedFor(Method.DELETE, APPLICATIONS + "/" + another + "/appointment",
                () -> given().auth().oauth2(Tokens.of("citizen")));
        assertEquals(1, Rows.count(dataSource, "SELECT count(*) FROM pickup_booking WHERE application_id = ?::uuid",
                another), "the other booking stays");
    }

    private long applications() {
        return Rows.count(dataSource, "SELECT count(*) FROM passport_application");
    }

    private long changes(String id, String to) {
        return Rows.count(dataSource, "SELECT count(*) FROM passport_status_change "
                + "WHERE application_id = ?::uuid AND to_status = ?", id, to);
    }

    private static String statusOf(String id) {
        return as("citizen").when().get(APPLICATIONS + "/" + id).then().statusCode(200).extract().path("status");
    }

    private static String transitions(String id) {
        return APPLICATIONS + "/" + id + "/transitions";
    }

    private static String submitted() {
        return as("citizen").body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(APPLICATIONS).then().statusCode(201).extract().path("id");
    }

    private static String supplementRequested() {
        String id = submitted();
        as("passport-officer").body("{\"to\":\"UNDER_REVIEW\"}").when().post(transitions(id)).then().statusCode(200);
        String deadline = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(14).toString();
        as("passport-officer").body("{\"to\":\"SUPPLEMENT_REQUESTED\",\"reason\":\"사진 규격 미달\","
                + "\"supplementDeadline\":\"" + deadline + "\"}").when().post(transitions(id)).then().statusCode(200);
        return id;
    }

    private static String readyApplication() {
        String id = submitted();
        IdentityFixtures.confirmedByOfficer(id);
        for (String to : List.of("UNDER_REVIEW", "APPROVED", "PRINTING", "READY_FOR_PICKUP")) {
            as("passport-officer").body("{\"to\":\"" + to + "\"}").when().post(transitions(id)).then().statusCode(200);
        }
        return id;
    }

    private UUID slot(int capacity) throws Exception {
        UUID id = UUID.randomUUID();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                INSERT INTO pickup_slot (id, office_id, starts_at, capacity, booked)
                VALUES (?, 'SEOUL-JONGNO', now() + interval '1 day' + random() * interval '5 days', ?, 0)""")) {
            s.setObject(1, id);
            s.setInt(2, capacity);
            s.executeUpdate();
        }
        return id;
    }

    private static void book(String application, UUID slot) {
        as("citizen").header(KeyedWrite.KEY_HEADER, UUID.randomUUID().toString()).body("{\"slotId\":\"" + slot + "\"}")
                .when().post(APPLICATIONS + "/" + application + "/appointment").then().statusCode(201);
    }
}
