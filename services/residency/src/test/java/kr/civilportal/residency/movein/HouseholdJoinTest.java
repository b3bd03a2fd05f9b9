package kr.civilportal.residency.movein;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Joining a household (세대 합가) needs its head's consent, and a JOIN tells the filer nothing about the number
 * they typed: the security finding was that a citizen learned a stranger's home address from their number.
 * 이서연 (user citizen2) asks to join; 김지민 (user citizen) heads the demo household she asks for.
 */
@QuarkusTest
class HouseholdJoinTest {

    static final String MINE = "/api/residency/v1/move-ins";
    static final String QUEUE = "/api/residency/v1/officer/move-ins";
    static final String JOINS = "/api/residency/v1/household/join-requests";
    static final String HEAD = "900315-2123451";          // 김지민, head of 세종대로 209
    static final String MEMBER = "880702-1234564";        // 박준호, a member of that household, not its head
    static final String NOBODY = "850505-1000016";        // well-formed, on no record
    static final String HEADS_ADDRESS = "세종대로 209";

    @Test
    void aJoinAnswersAlikeWhateverTheNumberNamesAndShowsNoAddress() {
        String citizen2 = Tokens.of("citizen2");
        List<Map<String, Object>> filed = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (String number : List.of(HEAD, MEMBER, NOBODY)) {
            Response created = join(citizen2, number);
            assertEquals(201, created.statusCode(), created.asString());
            assertFalse(created.asString().contains(HEADS_ADDRESS), created.asString());
            Map<String, Object> body = new HashMap<>(created.jsonPath().getMap(""));
            String id = (String) body.remove("id");
            body.remove("submittedAt");
            filed.add(body);

            // A second report while this one is open: the same 409 for every number too.
            for (String again : List.of(HEAD, MEMBER, NOBODY)) {
                Response conflict = join(citizen2, again);
                assertEquals(409, conflict.statusCode());
                conflicts.add(conflict.jsonPath().getString("detail"));
            }
            String listed = given().auth().oauth2(citizen2).when().get(MINE).asString();
            assertFalse(listed.contains(HEADS_ADDRESS), "the filer's list shows no address: " + listed);
            given().auth().oauth2(citizen2).when().post(MINE + "/" + id + "/withdrawal")
                    .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        }
        assertEquals("AWAITING_HEAD", filed.get(0).get("status"));
        assertEquals(filed.get(0), filed.get(1), "the head's number and a member's answer alike");
        assertEquals(filed.get(0), filed.get(2), "the head's number and nobody's answer alike");
        assertEquals(1, conflicts.stream().distinct().count(), conflicts.toString());
        // Only the head's number reached a head, and it was withdrawn: nothing waits for 김지민 now.
        given().auth().oauth2(Tokens.of("citizen")).when().get(JOINS).then().statusCode(200).body("$", empty());
    }

    @Test
    void theHeadSeesTheRequestAndOnlyTheHeadCanAnswerIt() {
        String citizen2 = Tokens.of("citizen2");
        String head = Tokens.of("citizen");
        String officer = Tokens.of("residency-officer");
        String id = join(citizen2, HEAD).then().statusCode(201).extract().path("id");

        given().auth().oauth2(officer).when().get(QUEUE).then().body("id", not(hasItem(id)));
        // Not yet the officers' (it never reached them): it does not exist for them, nor to take over.
        given().auth().oauth2(officer).contentType("application/json").body("{\"reason\":\"담당자 휴가\"}")
                .when().post(QUEUE + "/" + id + "/holder/takeover").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(head).when().get(JOINS).then().statusCode(200)
                .body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.requesterName", equalTo("이*연"))
                .body("find { it.id == '" + id + "' }.relationToHead", equalTo("SIBLING"));
        // The filer is not the head: the request does not exist for her, nor for an officer's token.
        given().auth().oauth2(citizen2).when().get(JOINS).then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(citizen2).when().post(JOINS + "/" + id + "/consent").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(officer).when().post(JOINS + "/" + id + "/consent").then().statusCode(403);

        given().auth().oauth2(head).when().post(JOINS + "/" + id + "/consent").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(head).when().post(JOINS + "/" + id + "/refusal").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(officer).when().get(QUEUE).then().body("id", hasItem(id));
        // Still no address for the filer until an officer approves.
        given().auth().oauth2(citizen2).when().get(MINE + "/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("address", equalTo(null));
        given().auth().oauth2(officer).contentType("application/json").body("{\"reason\":\"가족관계 확인 필요\"}")
                .when().post(QUEUE + "/" + id + "/rejection").then().statusCode(200);
    }

    @Test
    void theHeadDeclinesAndTheFilerReadsWhy() {
        String citizen2 = Tokens.of("citizen2");
        String id = join(citizen2, HEAD).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("citizen")).when().post(JOINS + "/" + id + "/refusal").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        given().auth().oauth2(citizen2).when().get(MINE + "/" + id).then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo(MoveIns.HEAD_DECLINED))
                .body("address", equalTo(null));
        given().auth().oauth2(citizen2).when().post(MINE + "/" + id + "/withdrawal").then().statusCode(409);
        given().auth().oauth2(Tokens.of("residency-officer")).when().get(QUEUE).then().body("id", not(hasItem(id)));
    }

    private static Response join(String token, String headNumber) {
        return given().auth().oauth2(token).contentType("application/json")
                .body("{\"mode\":\"JOIN_HOUSEHOLD\",\"headResidentRegistrationNumber\":\"" + headNumber
                        + "\",\"relationToHead\":\"SIBLING\",\"movedInOn\":\"" + LocalDate.now(KoreanTime.ZONE) + "\"}")
                .when().post(MINE);
    }
}
