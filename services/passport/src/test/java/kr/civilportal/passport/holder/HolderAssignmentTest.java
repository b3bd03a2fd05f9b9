package kr.civilportal.passport.holder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * 배정: an officer assigns an application to a colleague of its receiving office, picked from the officers the
 * service has seen lately (직원 명부); the holding says who assigned it and every assignment stays in an append-only
 * log. Real tokens: passport-officer and passport-officer2 work for SEOUL-JONGNO (where the test profile's
 * applications go), passport-officer3 for BUSAN-CITY.
 */
@QuarkusTest
class HolderAssignmentTest {

    private static final String PATH = "/api/passport/v1/applications";
    private static final String HELD = "urn:civilportal:problem:case-held";
    /** The demo realm's passport officers' account ids (infra/keycloak/portal-realm.dev-overlay.json). */
    private static final String OFFICER1_SUBJECT = "a1c2e3f4-0000-4000-8000-000000000012";
    private static final String OFFICER2_SUBJECT = "a1c2e3f4-0000-4000-8000-000000000018";
    private static final String OFFICER3_SUBJECT = "a1c2e3f4-0000-4000-8000-000000000019";

    @Inject
    DataSource dataSource;

    @Test
    void anOfficerAssignsAnApplicationToAColleagueOfItsOfficeOnly() throws SQLException {
        String id = submit();
        openTheirWork();

        List<String> assignees = assignees("passport-officer", id).then().statusCode(200).extract().path("officer");
        assertTrue(assignees.containsAll(List.of("passport-officer", "passport-officer2")), assignees.toString());
        assertFalse(assignees.contains("passport-officer3"), "부산시청's officer is no colleague for 종로구청's case");
        List<String> subjects = assignees("passport-officer", id).then().extract().path("subject");
        assertTrue(subjects.contains(OFFICER2_SUBJECT), subjects.toString());
        assignees("passport-officer3", id).then().statusCode(404);

        // Another office's officer, nobody the service knows, or no one at all: 400 on assignee, nothing changes.
        for (String refused : List.of("{\"assignee\":\"" + OFFICER3_SUBJECT + "\"}",
                "{\"assignee\":\"no-such-officer\"}", "{\"assignee\":\"\"}", "{}")) {
            assign("passport-officer", id, refused).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("assignee"));
        }
        assign("passport-officer3", id, "{\"assignee\":\"" + OFFICER3_SUBJECT + "\"}").then().statusCode(404);
        read("passport-officer", id).then().statusCode(200).body("holder", nullValue());
        assertEquals(0, assignments(id));

        assign("passport-officer", id, "{\"assignee\":\"" + OFFICER2_SUBJECT + "\"}").then().statusCode(200)
                .body("holder.officer", equalTo("passport-officer2"))
                .body("holder.assignedBy", equalTo("passport-officer"));
        assertEquals(1, assignments(id));
        assertEquals(List.of("passport-officer", "passport-officer2"), loggedAssignment(id));
        // A repeat (a retry) changes nothing and logs nothing more.
        assign("passport-officer", id, "{\"assignee\":\"" + OFFICER2_SUBJECT + "\"}").then().statusCode(200)
                .body("holder.officer", equalTo("passport-officer2"));
        assertEquals(1, assignments(id));
        given().auth().oauth2(Tokens.of("passport-officer2")).queryParam("held", "MINE").queryParam("size", 100)
                .when().get(PATH).then().statusCode(200).body("items.id", hasItem(id));

        // Once assigned, it is the colleague's: the assigner no longer acts on it, nor takes it back by assigning.
        move("passport-officer", id, "UNDER_REVIEW").then().statusCode(409).body("type", equalTo(HELD));
        assign("passport-officer", id, "{\"assignee\":\"" + OFFICER1_SUBJECT + "\"}").then().statusCode(409)
                .body("type", equalTo(HELD));
        move("passport-officer2", id, "UNDER_REVIEW").then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("holder.officer", equalTo("passport-officer2"))
                .body("holder.assignedBy", equalTo("passport-officer"));
        // The applicant never sees who holds it, nor who assigned it.
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + id).then().statusCode(200)
                .body("holder", nullValue());

        try (Connection c = dataSource.getConnection()) {
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate(
                    "UPDATE passport_holder_assignment SET to_officer = 'x' WHERE application_id = '" + id + "'"));
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate(
                    "DELETE FROM passport_holder_assignment WHERE application_id = '" + id + "'"));
        }
        assertEquals(1, assignments(id));
    }

    @Test
    void theHolderHandsACaseOnAndATakeOverOrLettingGoClearsWhoAssignedIt() {
        String id = submit();
        openTheirWork();
        given().auth().oauth2(Tokens.of("passport-officer2")).when().put(PATH + "/" + id + "/holder")
                .then().statusCode(200);
        assign("passport-officer2", id, "{\"assignee\":\"" + OFFICER1_SUBJECT + "\"}").then().statusCode(200)
                .body("holder.officer", equalTo("passport-officer"))
                .body("holder.assignedBy", equalTo("passport-officer2"));
        given().auth().oauth2(Tokens.of("passport-officer2")).contentType(ContentType.JSON)
                .body("{\"reason\":\"담당자 출장, 처리기한 임박\"}").when().post(PATH + "/" + id + "/holder/takeover")
                .then().statusCode(200).body("holder.officer", equalTo("passport-officer2"))
                .body("holder.takenOverFrom", equalTo("passport-officer")).body("holder.assignedBy", nullValue());
        // Naming oneself is taking it: nobody assigned it.
        given().auth().oauth2(Tokens.of("passport-officer2")).when().delete(PATH + "/" + id + "/holder")
                .then().statusCode(200).body("holder", nullValue());
        assign("passport-officer", id, "{\"assignee\":\"" + OFFICER1_SUBJECT + "\"}").then().statusCode(200)
                .body("holder.officer", equalTo("passport-officer")).body("holder.assignedBy", nullValue());
    }

    @Test
    void anApplicationFromBeforeOfficesMayBeAssignedToAnyOfficer() throws SQLException {
        String id = submit();
        openTheirWork();
        // As a replica of the version before offices writes it: every officer's, Busan's too (Caller.inJurisdiction).
        execute("UPDATE passport_application SET office_id = NULL WHERE id = ?::uuid", id);
        List<String> assignees = assignees("passport-officer3", id).then().statusCode(200).extract().path("officer");
        assertTrue(assignees.containsAll(List.of("passport-officer", "passport-officer2", "passport-officer3")),
                assignees.toString());
        assign("passport-officer", id, "{\"assignee\":\"" + OFFICER3_SUBJECT + "\"}").then().statusCode(200)
                .body("holder.officer", equalTo("passport-officer3"));
        move("passport-officer3", id, "UNDER_REVIEW").then().statusCode(200);
    }

    @Test
    void aReplicaThatKnowsNothingOfAssignmentsLetsAnAssignedCaseGo() throws SQLException {
        String id = submit();
        openTheirWork();
        assign("passport-officer", id, "{\"assignee\":\"" + OFFICER2_SUBJECT + "\"}").then().statusCode(200);
        // The previous version's release writes the holder's columns only (during a rolling update).
        execute("UPDATE passport_application SET holder_subject = NULL, holder_name = NULL, held_since = NULL "
                + "WHERE id = ?::uuid", id);
        assertNull(assignedBy(id));
        read("passport-officer", id).then().statusCode(200).body("holder", nullValue());
    }

    /** Officers enter the roster (직원 명부) as they open their list or counts. */
    private static void openTheirWork() {
        given().auth().oauth2(Tokens.of("passport-officer")).when().get(PATH + "/counts").then().statusCode(200);
        for (String officer : List.of("passport-officer2", "passport-officer3")) {
            given().auth().oauth2(Tokens.of(officer)).when().get(PATH).then().statusCode(200);
        }
    }

    private long assignments(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM passport_holder_assignment WHERE application_id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private List<String> loggedAssignment(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT by_officer, to_officer FROM passport_holder_assignment WHERE application_id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return List.of(r.getString(1), r.getString(2));
            }
        }
    }

    private String assignedBy(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT assigned_by FROM passport_application WHERE id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private void execute(String sql, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    private static Response assignees(String officer, String id) {
        return given().auth().oauth2(Tokens.of(officer)).when().get(PATH + "/" + id + "/assignees");
    }

    private static Response assign(String officer, String id, String body) {
        return given().auth().oauth2(Tokens.of(officer)).contentType(ContentType.JSON).body(body)
                .when().post(PATH + "/" + id + "/holder/assignment");
    }

    private static Response move(String officer, String id, String to) {
        return given().auth().oauth2(Tokens.of(officer)).contentType(ContentType.JSON).body("{\"to\":\"" + to + "\"}")
                .when().post(PATH + "/" + id + "/transitions");
    }

    private static Response read(String officer, String id) {
        return given().auth().oauth2(Tokens.of(officer)).when().get(PATH + "/" + id);
    }

    private static String submit() {
        return given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"kind\":\"NEW\",\"validity\":\"TEN_YEARS\",\"pages\":58}")
                .when().post(PATH).then().statusCode(201).extract().path("id");
    }
}
