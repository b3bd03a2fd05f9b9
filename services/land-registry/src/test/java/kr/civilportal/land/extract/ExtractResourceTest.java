package kr.civilportal.land.extract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import kr.civilportal.documents.ContentHash;
import kr.civilportal.documents.IssuanceNumber;
import kr.civilportal.testsupport.Tokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Extracts (토지대장 등본): issued as PDFs with a Korean font, verifiable by anyone without logging in. */
@QuarkusTest
class ExtractResourceTest {

    private static final String EXTRACTS = "/api/land/v1/extracts";
    /** 서울특별시 종로구 청운동 1: never changed by any test. */
    private static final String CHEONGUN_1 = "1111010100100010000";

    @Inject
    DataSource dataSource;

    @Test
    void aCitizenGetsAPdfExtractWithTheParcelMaskedOwnersNumberAndHash() throws IOException {
        Response response = issue("citizen", CHEONGUN_1);
        response.then().statusCode(201)
                .contentType("application/pdf")
                .header("Issuance-Number", matchesPattern("^\\d{4}-\\d{4}-\\d{4}-\\d{4}$"))
                .header("Content-Hash", matchesPattern("^[0-9a-f]{64}$"))
                .header("Location", matchesPattern(".*/api/land/v1/extracts/\\d{4}-\\d{4}-\\d{4}-\\d{4}/pdf$"));
        String number = response.header("Issuance-Number");
        byte[] pdf = response.asByteArray();
        String text = text(pdf);
        for (String expected : new String[] {"토지대장 등본", "1111010100-1-0001-0000", "서울특별시 종로구 청운동",
                "08 대", "661.20", "5,396,000", "김*연", "김*준", "김*수", "상속", number,
                response.header("Content-Hash")}) {
            assertTrue(text.replace("\n", "").contains(expected), "the extract shows " + expected);
        }
        assertFalse(text.contains("김서연"), "owner names are masked for a citizen");
        assertTrue(embedsAFont(pdf), "the Korean font travels with the document");
    }

    @Test
    void aLandOfficersExtractShowsOwnerNamesInFull() throws IOException {
        Response response = issue("land-officer", CHEONGUN_1);
        response.then().statusCode(201);
        String text = text(response.asByteArray());
        assertTrue(text.contains("김서연") && text.contains("김영수"), text);
        // Its public verification shows the content as printed, but with owner names masked even so.
        String shown = given().header("X-Forwarded-For", "192.0.2." + (int) (Math.random() * 200 + 20))
                .when().get(EXTRACTS + "/{n}", response.header("Issuance-Number"))
                .then().statusCode(200).extract().asString();
        assertTrue(shown.contains("소유자 변동 이력") && shown.contains("김*연"), shown);
        assertFalse(shown.contains("김서연") || shown.contains("김영수"), shown);
    }

    @Test
    void anyoneVerifiesAnExtractWithoutLoggingIn() throws SQLException {
        Response issued = issue("citizen", CHEONGUN_1);
        String number = issued.header("Issuance-Number");
        String hash = issued.header("Content-Hash");

        given().when().get(EXTRACTS + "/{n}", number)
                .then().statusCode(200)
                .contentType("application/json")
                .body("genuine", equalTo(true))
                .body("issuanceNumber", equalTo(number))
                .body("document", equalTo("토지대장 등본"))
                .body("pnu", equalTo(CHEONGUN_1))
                .body("address", equalTo("서울특별시 종로구 청운동 1"))
                .body("issuedAt", matchesPattern("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+09:00$"))
                .body("contentHash", equalTo(hash));
        // Typed without hyphens, as from a phone keypad.
        given().when().get(EXTRACTS + "/{n}", number.replace("-", ""))
                .then().statusCode(200).body("issuanceNumber", equalTo(number));

        // The hash is the SHA-256 of the attested data on record.
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT attested_data FROM land_extract WHERE issuance_number = '" + number + "'")) {
            assertTrue(r.next());
            assertEquals(hash, ContentHash.sha256Hex(r.getString(1)));
        }
    }

    @Test
    void anUnknownNumberIsNotGenuineAndAMalformedOneIsAFieldError() {
        given().when().get(EXTRACTS + "/{n}", IssuanceNumber.generate().formatted())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:civilportal:problem:extract-not-issued"));
        String valid = IssuanceNumber.generate().formatted();
        char last = valid.charAt(valid.length() - 1);
        String wrongCheckDigit = valid.substring(0, valid.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
        for (String bad : new String[] {"1234", "abcd-efgh-ijkl-mnop", wrongCheckDigit}) {
            given().when().get(EXTRACTS + "/{n}", bad)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("issuanceNumber"));
        }
    }

    @Test
    void theRequesterAndLandOfficersDownloadItAgainWithTheSameContentAndNoOneElse() throws IOException {
        Response issued = issue("citizen", CHEONGUN_1);
        String number = issued.header("Issuance-Number");
        String first = text(issued.asByteArray());

        byte[] again = given().auth().oauth2(Tokens.of("citizen")).when().get(EXTRACTS + "/{n}/pdf", number)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals(first, text(again));
        given().auth().oauth2(Tokens.of("land-officer")).when().get(EXTRACTS + "/{n}/pdf", number)
                .then().statusCode(200).contentType("application/pdf");
        given().auth().oauth2(Tokens.of("citizen2")).when().get(EXTRACTS + "/{n}/pdf", number)
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get(EXTRACTS + "/{n}/pdf", number)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aCitizenSeesTheirOwnExtractsNewestFirstAndNobodyElses() {
        String earlier = issue("citizen", CHEONGUN_1).header("Issuance-Number");
        String newest = issue("citizen", CHEONGUN_1).header("Issuance-Number");

        // Issue times are whole seconds, so both may carry the same one: found by number, order checked by time.
        io.restassured.path.json.JsonPath list = given().auth().oauth2(Tokens.of("citizen")).when().get(EXTRACTS)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        List<String> numbers = list.getList("issuanceNumber");
        assertTrue(numbers.contains(earlier) && numbers.contains(newest), numbers.toString());
        int at = numbers.indexOf(newest);
        assertEquals(CHEONGUN_1, list.getString("[" + at + "].pnu"));
        assertEquals("서울특별시 종로구 청운동 1", list.getString("[" + at + "].address"));
        assertTrue(list.getString("[" + at + "].contentHash").matches("^[0-9a-f]{64}$"));
        assertEquals(EXTRACTS + "/" + newest + "/pdf", list.getString("[" + at + "].pdf"));
        assertFalse(OffsetDateTime.parse(list.getString("[" + numbers.indexOf(earlier) + "].issuedAt"))
                .isAfter(OffsetDateTime.parse(list.getString("[" + at + "].issuedAt"))), "the earlier is not newer");
        List<String> issuedAt = list.getList("issuedAt");
        for (int i = 1; i < issuedAt.size(); i++) {
            assertFalse(OffsetDateTime.parse(issuedAt.get(i)).isAfter(OffsetDateTime.parse(issuedAt.get(i - 1))),
                    "newest first: " + issuedAt);
        }
        given().auth().oauth2(Tokens.of("citizen2")).when().get(EXTRACTS)
                .then().statusCode(200).body("issuanceNumber", not(hasItem(newest)));
        given().when().get(EXTRACTS).then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"pnu\":\"\"}", "{\"pnu\":\"12345\"}", "{\"pnu\":\"1111010100300010000\"}"})
    void aMissingOrMalformedPnuIsAFieldErrorAndIssuesNothing(String body) throws SQLException {
        long before = extracts();
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON).body(body)
                .when().post(EXTRACTS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("pnu"));
        assertEquals(before, extracts());
    }

    @Test
    void anUnknownParcelIsA404AndWithoutATokenA401AndNothingIsIssued() throws SQLException {
        long before = extracts();
        given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"pnu\":\"1111010100199990000\"}")
                .when().post(EXTRACTS)
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"pnu\":\"" + CHEONGUN_1 + "\"}")
                .when().post(EXTRACTS)
                .then().statusCode(401).contentType("application/problem+json");
        assertEquals(before, extracts());
    }

    private static Response issue(String user, String pnu) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body("{\"pnu\":\"" + pnu + "\"}")
                .when().post(EXTRACTS);
    }

    private long extracts() throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM land_extract")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static boolean embedsAFont(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                if (font.isEmbedded() && font.getName().contains("Nanum")) {
                    return true;
                }
            }
            return false;
        }
    }
}
