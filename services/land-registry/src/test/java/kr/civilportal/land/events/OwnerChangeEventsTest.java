package kr.civilportal.land.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Who the land register tells of an owner change (docs/events.md), read from the outbox as the relay publishes it:
 * the filer and every earlier owner whose resident id is known, each once; the filer of a rejected filing; and
 * nobody for a request refused.
 */
@QuarkusTest
class OwnerChangeEventsTest {

    private static final String FILINGS = "/api/land/v1/owner-change-requests";
    private static final String QUEUE = "/api/land/v1/officer/owner-change-requests";
    private static final String OWNERS = "/api/land/v1/parcels/{pnu}/owners";
    /** 서울특별시 강남구 대치동 506 (강남구청), owned by the demo citizen 김지민 with her resident id; this class only. */
    private static final String DAECHI_506 = "1168010600105060000";
    /** 경기도 가평군 가평읍 읍내리 12-1 (no office listed: every officer's), used by this class only. */
    private static final String EUPNAE_12_1 = "4182025021100120001";
    /** 부산광역시 중구 영주동 산3 (no office listed), used by this class only. */
    private static final String YEONGJU_SAN_3 = "2611010100200030000";
    /** 서울특별시 강남구 역삼동 828 (강남구청), used by this class only. */
    private static final String YEOKSAM_828 = "1168010100108280000";
    /** The resident ids of the demo users citizen (김지민) and citizen2 (이서연), portal-realm.dev-overlay.json. */
    private static final String CITIZEN1 = "5e0b7a52-1c1d-4c9e-9f00-000000000001";
    private static final String CITIZEN2 = "5e0b7a52-1c1d-4c9e-9f00-000000000002";

    final String gangnam = Tokens.of("land-officer2");
    final String jongno = Tokens.of("land-officer");

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    private static String change(String owner) {
        return "{\"ownerName\":\"" + owner + "\",\"share\":\"1/1\",\"changedOn\":\"2026-11-02\",\"cause\":\"SALE\"}";
    }

    private static String file(String user, String pnu, String owner) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body("{\"pnu\":\"" + pnu + "\",\"change\":" + change(owner) + "}")
                .when().post(FILINGS)
                .then().statusCode(201).extract().path("id");
    }

    private int approve(String officer, String id) {
        return given().auth().oauth2(officer).when().post(QUEUE + "/{id}/approval", id)
                .then().statusCode(200).extract().path("ownerChangeSequence");
    }

    @Test
    void anApprovedFilingTellsTheFilerAndTheEarlierOwnerAndRecordsTheFilerAsOwnerWhenSheFiledForHerself()
            throws Exception {
        // citizen2 (이서연) bought 대치동 506 from the demo citizen and files the change for herself.
        String id = file("citizen2", DAECHI_506, "이서연");
        assertEquals(List.of(), eventsOf(id), "filing tells nobody yet");
        int seq = approve(gangnam, id);

        List<JsonNode> events = eventsOf(id);
        assertEquals(1, events.size());
        JsonNode e = events.get(0);
        assertEquals(OwnerChangeEvents.RECORDED, e.get("type").asText());
        assertEquals("land-registry", e.get("source").asText());
        assertEquals(id, e.get("subject").asText());
        assertEquals(List.of(CITIZEN2, CITIZEN1), texts(e.get("recipients")));
        assertEquals(id.substring(0, 8), e.get("data").get("reference").asText());
        assertEquals(DAECHI_506, e.get("data").get("parcel").asText());
        assertEquals("2026-11-02", e.get("data").get("changedOn").asText());
        assertEquals("SALE", e.get("data").get("cause").asText());
        assertEquals(4, e.get("data").size(), "no names: " + e.get("data"));
        assertEquals(CITIZEN2, ownerResidentId(DAECHI_506, seq));
    }

    @Test
    void anOfficersDirectChangeTellsEveryEarlierOwnerKnownOnce() throws Exception {
        // citizen2 files for herself twice on the same parcel: she is then an earlier owner on two entries.
        approve(jongno, file("citizen2", EUPNAE_12_1, "이 서연"));
        approve(jongno, file("citizen2", EUPNAE_12_1, "이서연"));
        int seq = given().auth().oauth2(jongno).contentType(ContentType.JSON).body(change("남궁민"))
                .when().post(OWNERS, EUPNAE_12_1)
                .then().statusCode(201).extract().path("sequence");

        String key = EUPNAE_12_1 + "-" + seq;
        List<JsonNode> events = eventsOf(key);
        assertEquals(1, events.size());
        JsonNode e = events.get(0);
        assertEquals(OwnerChangeEvents.RECORDED, e.get("type").asText());
        assertEquals(key, e.get("subject").asText());
        assertEquals(List.of(CITIZEN2), texts(e.get("recipients")));
        assertEquals(key, e.get("data").get("reference").asText());
        assertEquals(EUPNAE_12_1, e.get("data").get("parcel").asText());
        // Nobody filed for the new owner: the portal does not know who they are.
        assertNull(ownerResidentId(EUPNAE_12_1, seq));
    }

    @Test
    void aFilingForSomeoneElseTellsTheFilerButDoesNotMakeThemTheOwner() throws Exception {
        String id = file("citizen", YEONGJU_SAN_3, "문소라");
        int seq = approve(jongno, id);

        JsonNode e = eventsOf(id).get(0);
        // The earlier owner (부산광역시 중구) has no resident id: only the filer is told.
        assertEquals(List.of(CITIZEN1), texts(e.get("recipients")));
        assertNull(ownerResidentId(YEONGJU_SAN_3, seq));
    }

    @Test
    void aRejectionTellsTheFilerWhyAndRefusedRequestsTellNobody() throws Exception {
        String id = file("citizen", YEOKSAM_828, "문소라");
        // Refused: no reason (400), another office's officer (404).
        given().auth().oauth2(gangnam).contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                .when().post(QUEUE + "/{id}/rejection", id).then().statusCode(400);
        given().auth().oauth2(jongno).contentType(ContentType.JSON).body("{\"reason\":\"서류 미비\"}")
                .when().post(QUEUE + "/{id}/rejection", id).then().statusCode(404);
        given().auth().oauth2(jongno).when().post(QUEUE + "/{id}/approval", id).then().statusCode(404);
        assertEquals(List.of(), eventsOf(id));

        given().auth().oauth2(gangnam).contentType(ContentType.JSON)
                .body("{\"reason\":\"매매계약서 사본을 함께 내 주세요\"}")
                .when().post(QUEUE + "/{id}/rejection", id).then().statusCode(200);
        List<JsonNode> events = eventsOf(id);
        assertEquals(1, events.size());
        JsonNode e = events.get(0);
        assertEquals(OwnerChangeEvents.REJECTED, e.get("type").asText());
        assertEquals(List.of(CITIZEN1), texts(e.get("recipients")));
        assertEquals(id.substring(0, 8), e.get("data").get("reference").asText());
        assertEquals("매매계약서 사본을 함께 내 주세요", e.get("data").get("reason").asText());
        // Decided: a second decision is refused (409) and tells nobody again.
        given().auth().oauth2(gangnam).when().post(QUEUE + "/{id}/approval", id).then().statusCode(409);
        assertEquals(1, eventsOf(id).size());
    }

    @Test
    void aRefusedDirectChangeTellsNobody() throws Exception {
        long before = eventsKeyedLike(YEOKSAM_828 + "-%");
        given().auth().oauth2(jongno).contentType(ContentType.JSON)
                .body("{\"ownerName\":\"남궁민\",\"share\":\"3/2\",\"changedOn\":\"2026-11-02\",\"cause\":\"SALE\"}")
                .when().post(OWNERS, YEOKSAM_828).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON).body(change("남궁민"))
                .when().post(OWNERS, YEOKSAM_828).then().statusCode(403);
        assertEquals(before, eventsKeyedLike(YEOKSAM_828 + "-%"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private List<JsonNode> eventsOf(String key) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT CAST(payload AS text), topic FROM outbox_event WHERE event_key = ? ORDER BY position")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertEquals("land-registry.events", rs.getString(2));
                    events.add(json.readTree(rs.getString(1)));
                }
            }
        }
        return events;
    }

    private long eventsKeyedLike(String pattern) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE event_key LIKE ?")) {
            s.setString(1, pattern);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String ownerResidentId(String pnu, int seq) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT CAST(owner_resident_id AS varchar) FROM owner_change WHERE pnu = ? AND seq = ?")) {
            s.setString(1, pnu);
            s.setInt(2, seq);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
