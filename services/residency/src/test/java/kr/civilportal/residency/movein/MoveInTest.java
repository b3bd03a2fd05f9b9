package kr.civilportal.residency.movein;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import kr.civilportal.common.time.KoreanTime;
import javax.sql.DataSource;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The move-in petition from filing to decision, as the citizen and the officer see it. */
@QuarkusTest
class MoveInTest {

    static final String MINE = "/api/residency/v1/move-ins";
    static final String QUEUE = "/api/residency/v1/officer/move-ins";
    static final String JOINS = "/api/residency/v1/household/join-requests";
    static final String NEW_ADDRESS = "서울특별시 마포구 월드컵북로 396, 1502호";
    /** NEW_ADDRESS as the road-name register writes it (with its legal dong), as the resident's record shows it. */
    static final String NEW_ADDRESS_REGISTERED = "서울특별시 마포구 월드컵북로 396 (상암동), 1502호";

    @Inject
    DataSource dataSource;

    @Test
    void aReportIsRejectedWithAReasonThenAnotherApprovedAndTheResidentMoves() throws SQLException {
        String citizen2 = Tokens.of("citizen2");
        String officer = Tokens.of("residency-officer");
        String today = LocalDate.now(KoreanTime.ZONE).toString();

        // Joining the household of 김지민 (named by the head's number), rejected.
        String join = given().auth().oauth2(citizen2).contentType("application/json")
                .body("{\"mode\":\"JOIN_HOUSEHOLD\",\"headResidentRegistrationNumber\":\"900315-2123451\","
                        + "\"relationToHead\":\"SIBLING\",\"movedInOn\":\"" + today + "\"}")
                .when().post(MINE).then().statusCode(201)
                .body("status", equalTo("AWAITING_HEAD"))
                .body("address", equalTo(null))
                .extract().path("id");
        given().auth().oauth2(citizen2).contentType("application/json")
                .body("{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + NEW_ADDRESS + "\",\"movedInOn\":\"" + today + "\"}")
                .when().post(MINE).then().statusCode(409).contentType("application/problem+json");
        // The head (김지민, user citizen) consents; only then do officers see it, with the household's address.
        given().auth().oauth2(officer).when().get(QUEUE).then().statusCode(200).body("id", not(hasItem(join)));
        given().auth().oauth2(Tokens.of("citizen")).when().post(JOINS + "/" + join + "/consent")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(officer).when().get(QUEUE)
                .then().statusCode(200).body("find { it.id == '" + join + "' }.address",
                        equalTo("서울특별시 종로구 세종대로 209 (세종로), 101동 1203호"));
        given().auth().oauth2(officer).contentType("application/json").body("{\"reason\":\" \"}")
                .when().post(QUEUE + "/" + join + "/rejection").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(officer).contentType("application/json").body("{\"reason\":\"가족관계 확인 서류 미제출\"}")
                .when().post(QUEUE + "/" + join + "/rejection").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        given().auth().oauth2(citizen2).when().get(MINE + "/" + join).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("가족관계 확인 서류 미제출"));
        given().auth().oauth2(officer).when().post(QUEUE + "/" + join + "/approval").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("citizen")).when().get("/api/residency/v1/me")
                .then().body("household.members.name", not(hasItem("이서연")));

        // Forming a new household, approved: household and address history change together.
        String form = given().auth().oauth2(citizen2).contentType("application/json")
                .body("{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + NEW_ADDRESS + "\",\"movedInOn\":\"" + today + "\"}")
                .when().post(MINE).then().statusCode(201).extract().path("id");
        given().auth().oauth2(officer).when().post(QUEUE + "/" + form + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        given().auth().oauth2(citizen2).when().get(MINE + "/" + form).then().body("status", equalTo("APPROVED"));
        given().auth().oauth2(citizen2).when().get("/api/residency/v1/me").then().statusCode(200)
                .body("address", equalTo(NEW_ADDRESS_REGISTERED))
                .body("household.members.relationToHead", org.hamcrest.Matchers.contains("HEAD"));
        given().auth().oauth2(citizen2).when().get("/api/residency/v1/me/address-history").then().statusCode(200)
                .body("[-1].address", equalTo(NEW_ADDRESS_REGISTERED)).body("[-1].reason", equalTo("MOVE_IN"))
                .body("[-1].movedInOn", equalTo(today));
        given().auth().oauth2(officer).when().post(QUEUE + "/" + form + "/approval").then().statusCode(409);
        given().auth().oauth2(officer).contentType("application/json").body("{\"reason\":\"늦음\"}")
                .when().post(QUEUE + "/" + form + "/rejection").then().statusCode(409);
        given().auth().oauth2(officer).when().get(QUEUE).then().body("id", not(hasItem(form)));
        // The decisions are in the access log the resident sees.
        given().auth().oauth2(citizen2).when().get("/api/residency/v1/me/access-log").then().statusCode(200)
                .body("action", hasItem("DECIDE_MOVE_IN")).body("official", hasItem("residency-officer"));
    }

    @Test
    void twoOfficersApprovingAtOnceMoveTheResidentOnce() throws Exception {
        String address = "인천광역시 연수구 컨벤시아대로 165, 2201호";
        String registered = "인천광역시 연수구 컨벤시아대로 165 (송도동), 2201호";
        String id = given().auth().oauth2(Tokens.of("citizen2")).contentType("application/json")
                .body("{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + address + "\",\"movedInOn\":\"2026-01-05\"}")
                .when().post(MINE).then().statusCode(201).extract().path("id");
        String officer = Tokens.of("residency-officer");
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<Integer> approve = () -> {
                start.await();
                return given().auth().oauth2(officer).when().post(QUEUE + "/" + id + "/approval").statusCode();
            };
            var a = pool.submit(approve);
            var b = pool.submit(approve);
            start.countDown();
            assertEquals(java.util.List.of(200, 409), java.util.stream.Stream.of(a.get(), b.get()).sorted().toList());
        } finally {
            pool.shutdownNow();
        }
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "SELECT count(*) FROM address_history WHERE address = ? AND reason = 'MOVE_IN'")) {
            s.setString(1, registered);
            try (var r = s.executeQuery()) {
                r.next();
                assertEquals(1, r.getLong(1), "one move, one history entry");
            }
        }
    }

    @Test
    void theHeadOfAHouseholdWithMembersCannotMoveAlone() {
        given().auth().oauth2(Tokens.of("citizen")).contentType("application/json")
                .body("{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + NEW_ADDRESS + "\",\"movedInOn\":\"2026-01-02\"}")
                .when().post(MINE).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void badReportsAreFieldErrorsAndWriteNothing() throws SQLException {
        long before = reports();
        String citizen = Tokens.of("citizen2");
        String[][] cases = {
                {"{\"mode\":\"NEW_HOUSEHOLD\",\"movedInOn\":\"2026-01-02\"}", "address"},
                {"{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + NEW_ADDRESS + "\",\"movedInOn\":\"2999-01-02\"}", "movedInOn"},
                {"{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + NEW_ADDRESS + "\",\"movedInOn\":\"2026-02-30\"}", "movedInOn"},
                {"{\"mode\":\"MOVE\",\"address\":\"" + NEW_ADDRESS + "\",\"movedInOn\":\"2026-01-02\"}", "mode"},
                {"{\"mode\":\"JOIN_HOUSEHOLD\",\"headResidentRegistrationNumber\":\"900315-2123457\",\"relationToHead\":\"SIBLING\",\"movedInOn\":\"2026-01-02\"}", "headResidentRegistrationNumber"},
                {"{\"mode\":\"JOIN_HOUSEHOLD\",\"headResidentRegistrationNumber\":\"901315-2123451\",\"relationToHead\":\"SIBLING\",\"movedInOn\":\"2026-01-02\"}", "headResidentRegistrationNumber"},
                {"{\"mode\":\"JOIN_HOUSEHOLD\",\"headResidentRegistrationNumber\":\"900315-2123451\",\"movedInOn\":\"2026-01-02\"}", "relationToHead"},
                {"{\"mode\":\"NEW_HOUSEHOLD\",\"address\":\"" + NEW_ADDRESS + "\",\"movedInOn\":\"2026-01-02\",\"note\":\"x\"}", "note"},
        };
        for (String[] c : cases) {
            String body = given().auth().oauth2(citizen).contentType("application/json").body(c[0])
                    .when().post(MINE).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(c[1])).extract().asString();
            org.junit.jupiter.api.Assertions.assertFalse(body.contains("2123457") || body.contains("2123451")
                    || body.contains("1234564"), body);
        }
        given().auth().oauth2(citizen).contentType("application/xml").body("<moveIn/>")
                .when().post(MINE).then().statusCode(415);
        assertEquals(before, reports());
    }

    @Test
    void onlyResidencyOfficersWorkTheQueueAndCitizensSeeOnlyTheirOwnReports() {
        given().auth().oauth2(Tokens.of("passport-officer")).when().get(QUEUE).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("land-officer")).when().post(QUEUE + "/" + java.util.UUID.randomUUID() + "/approval")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of("citizen")).when().get(QUEUE).then().statusCode(403);
        given().auth().oauth2(Tokens.of("residency-officer")).when().post(QUEUE + "/" + java.util.UUID.randomUUID() + "/approval")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("citizen")).when().get(MINE + "/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("citizen")).when().get(MINE).then().statusCode(200)
                .body("residentName", not(hasItem("이서연")));
    }

    private long reports() throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM move_in_report")) {
            r.next();
            return r.getLong(1);
        }
    }
}
