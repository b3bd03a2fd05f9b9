package kr.civilportal.residency.certificate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import javax.sql.DataSource;
import kr.civilportal.documents.ContentHash;
import kr.civilportal.testsupport.Tokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CertificateResourceTest {

    static final String PATH = "/api/residency/v1/certificates";

    @Inject
    DataSource dataSource;

    @Test
    void aHouseholdCertificateListsTheMembersWithNumbersMaskedAndExtractsBackAsHangul() throws Exception {
        Response r = issue("citizen", "{\"kind\":\"HOUSEHOLD\"}");
        String number = r.header("Issuance-Number");
        String text = textOf(r.asByteArray());
        assertTrue(text.contains("주민등록표 등본"), text);
        assertTrue(text.contains("김지민") && text.contains("박준호") && text.contains("박하린"), text);
        assertTrue(text.contains("서울특별시 종로구 세종대로 209"), text);
        assertTrue(text.contains("900315-2******") && text.contains("880702-1******") && text.contains("150921-4******"), text);
        assertTrue(text.contains("문서확인번호: " + number), text);
        assertTrue(text.contains("/verify?number=" + number), "the verification page's address is printed: " + text);
        assertTrue(text.contains("배우자") && text.contains("자녀"), text);
        assertFalse(text.contains("2123451") || text.contains("1234564") || text.contains("4345679"), text);
        assertFalse(text.contains("대전광역시 유성구 대학로"), "former addresses only on request");
    }

    @Test
    void aPersonalHistoryCertificateCanShowTheHoldersOwnBackDigitsAndFormerAddresses() throws Exception {
        Response r = issue("citizen", "{\"kind\":\"PERSONAL_HISTORY\",\"includeFormerAddresses\":true,\"showBackDigits\":true}");
        String text = textOf(r.asByteArray());
        assertTrue(text.contains("주민등록표 초본"), text);
        assertTrue(text.contains("900315-2123451"), "the holder asked for their own back digits");
        assertTrue(text.contains("대전광역시 유성구 대학로 99") && text.contains("경기도 성남시 분당구 판교역로 235"), text);
        assertFalse(text.contains("박준호"), "a personal-history certificate names only the holder");
        // What is stored carries the masked number only, and its hash is the one given out.
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "SELECT attested_data, content_hash, show_back_digits FROM certificate WHERE issuance_number = ?")) {
            s.setString(1, r.header("Issuance-Number"));
            try (var row = s.executeQuery()) {
                assertTrue(row.next());
                String attested = row.getString(1);
                assertFalse(attested.contains("2123451"), attested);
                assertTrue(attested.contains("900315-2******"));
                assertEquals(ContentHash.sha256Hex(attested), row.getString(2));
                assertEquals(r.header("Content-Hash"), row.getString(2));
                assertTrue(row.getBoolean(3));
            }
        }
    }

    @Test
    void theHolderListsAndDownloadsTheirCertificatesAgainButNobodyElseCan() throws Exception {
        Response r = issue("citizen", "{\"kind\":\"HOUSEHOLD\",\"includeFormerAddresses\":false,\"showBackDigits\":false}");
        String number = r.header("Issuance-Number");
        given().auth().oauth2(Tokens.of("citizen")).when().get(PATH)
                .then().statusCode(200).body("issuanceNumber", hasItem(number));
        byte[] again = given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + number + "/pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals(textOf(r.asByteArray()), textOf(again), "rendered again from the stored data, same content");
        given().auth().oauth2(Tokens.of("citizen2")).when().get(PATH + "/" + number + "/pdf")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("citizen2")).when().get(PATH)
                .then().statusCode(200).body("issuanceNumber", org.hamcrest.Matchers.not(hasItem(number)));
    }

    @Test
    void anIssuedCertificateIsToldToItsHolderOnceEvenWhenTheRequestIsRetried() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        String number = null;
        for (int i = 0; i < 2; i++) {
            number = given().auth().oauth2(Tokens.of("citizen")).header("Idempotency-Key", key)
                    .contentType("application/json").body("{\"kind\":\"PERSONAL_HISTORY\"}").when().post(PATH)
                    .then().statusCode(201).extract().header("Issuance-Number");
        }
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "SELECT event_type, CAST(payload AS text) FROM outbox_event WHERE event_key = ?")) {
            s.setString(1, number);
            try (var row = s.executeQuery()) {
                assertTrue(row.next(), "an event for certificate " + number);
                assertEquals(CertificateEvents.ISSUED, row.getString(1));
                String payload = row.getString(2);
                assertTrue(payload.contains("\"kind\": \"PERSONAL_HISTORY\"") || payload.contains("\"kind\":\"PERSONAL_HISTORY\""),
                        payload);
                assertFalse(payload.contains("900315") || payload.contains("김지민") || payload.contains("세종대로"),
                        "no number, name or address in the event: " + payload);
                assertFalse(row.next(), "one event for one issuance, though asked twice with one key");
            }
        }
    }

    @Test
    void officialsAndAnonymousCallersCannotIssue() {
        given().auth().oauth2(Tokens.of("residency-officer")).contentType("application/json")
                .body("{\"kind\":\"HOUSEHOLD\"}").when().post(PATH)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("passport-officer")).contentType("application/json")
                .body("{\"kind\":\"HOUSEHOLD\"}").when().post(PATH)
                .then().statusCode(403);
        given().contentType("application/json").body("{\"kind\":\"HOUSEHOLD\"}").when().post(PATH)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void badRequestsAreRefusedAndIssueNothing() throws SQLException {
        long before = certificates();
        String token = Tokens.of("citizen");
        given().auth().oauth2(token).contentType("application/json").body("{\"kind\":\"BIRTH\"}")
                .when().post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(token).contentType("application/json").body("{}")
                .when().post(PATH).then().statusCode(400).body("errors.field", hasItem("kind"));
        given().auth().oauth2(token).contentType("application/json").body("{\"kind\":\"HOUSEHOLD\",\"copies\":3}")
                .when().post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("copies"));
        given().auth().oauth2(token).contentType("application/json").body("{\"kind\":\"HOUSEHOLD\",\"showBackDigits\":\"yes\"}")
                .when().post(PATH).then().statusCode(400).body("errors[0].field", equalTo("showBackDigits"));
        given().auth().oauth2(token).contentType("application/json").body("{\"kind\":")
                .when().post(PATH).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType("text/plain").body("HOUSEHOLD")
                .when().post(PATH).then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"kind\":\"HOUSEHOLD\",\"pad\":\"" + "x".repeat(20_000) + "\"}")
                .when().post(PATH).then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:content-too-large"));
        assertEquals(before, certificates(), "no certificate was written");
    }

    private Response issue(String user, String body) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json").body(body)
                .when().post(PATH)
                .then().statusCode(201).contentType("application/pdf")
                .header("Issuance-Number", matchesPattern("\\d{4}-\\d{4}-\\d{4}-\\d{4}"))
                .header("Content-Hash", matchesPattern("[0-9a-f]{64}"))
                .header("Location", matchesPattern(".*/api/residency/v1/certificates/[0-9-]{19}/pdf"))
                .extract().response();
    }

    static String textOf(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private long certificates() throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM certificate")) {
            r.next();
            return r.getLong(1);
        }
    }
}
