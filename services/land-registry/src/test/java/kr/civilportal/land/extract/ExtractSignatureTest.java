package kr.civilportal.land.extract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Path;
import kr.civilportal.testsupport.OfflinePadesValidator;
import kr.civilportal.testsupport.OfflinePadesValidator.Outcome;
import kr.civilportal.testsupport.SigningAuthorityResource;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Issued extracts are signed documents anyone can check without the portal: the EU's DSS validator, given the file
 * and the portal's (development) root alone, finds an intact, valid, trusted, time-stamped PAdES baseline-T
 * signature; a changed byte is caught; a download again is the issued file.
 */
@QuarkusTest
class ExtractSignatureTest {

    static final String EXTRACTS = "/api/land/v1/extracts";
    /** 서울특별시 종로구 청운동 1: never changed by any test. */
    static final String CHEONGUN_1 = "1111010100100010000";

    static Path root() {
        return Path.of(System.getProperty(SigningAuthorityResource.ROOT_PROPERTY));
    }

    @Test
    void anIssuedExtractValidatesOfflineAndADownloadAgainIsTheSameFile() {
        Response issued = given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"pnu\":\"" + CHEONGUN_1 + "\"}").when().post(EXTRACTS);
        assertEquals(201, issued.statusCode(), issued.asString());
        byte[] pdf = issued.asByteArray();

        Outcome outcome = OfflinePadesValidator.validate(pdf, root());
        assertEquals(SignatureLevel.PAdES_BASELINE_T, outcome.format(), outcome.toString());
        assertTrue(outcome.validBaselineT(), outcome.toString());

        byte[] again = given().auth().oauth2(Tokens.of("citizen"))
                .when().get(EXTRACTS + "/{n}/pdf", issued.header("Issuance-Number"))
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(pdf, again);

        byte[] flipped = pdf.clone();
        flipped[200] ^= 0x01;
        Outcome changed = OfflinePadesValidator.validate(flipped, root());
        assertFalse(changed.validBaselineT(), changed.toString());
    }

    @Test
    void theIssuedPdfIsGenuineOnlineAndAChangedOneIsNot() {
        Response issued = given().auth().oauth2(Tokens.of("citizen")).contentType(ContentType.JSON)
                .body("{\"pnu\":\"" + CHEONGUN_1 + "\"}").when().post(EXTRACTS);
        byte[] pdf = issued.asByteArray();
        String client = "198.51.100." + (int) (Math.random() * 200 + 20);

        given().header("X-Forwarded-For", client).contentType("application/pdf").body(pdf)
                .when().post("/api/land/v1/extract-verifications")
                .then().statusCode(200)
                .body("genuine", org.hamcrest.Matchers.equalTo(true))
                .body("issuanceNumber", org.hamcrest.Matchers.equalTo(issued.header("Issuance-Number")))
                .body("pnu", org.hamcrest.Matchers.equalTo(CHEONGUN_1))
                .body("signer", org.hamcrest.Matchers.containsString("land-registry document signing"));

        byte[] flipped = pdf.clone();
        flipped[200] ^= 0x01;
        given().header("X-Forwarded-For", client).contentType("application/pdf").body(flipped)
                .when().post("/api/land/v1/extract-verifications")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.containsString("document-not-genuine"));
    }
}
