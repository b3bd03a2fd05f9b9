package kr.civilportal.residency.certificate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import kr.civilportal.testsupport.OfflinePadesValidator;
import kr.civilportal.testsupport.OfflinePadesValidator.Outcome;
import kr.civilportal.testsupport.SigningAuthorityResource;
import kr.civilportal.testsupport.Tokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * Issued certificates are signed documents anyone can check without the portal: the EU's DSS validator, given the
 * file and the portal's (development) root alone, finds a PAdES baseline-T signature that is intact, valid, from a
 * trusted chain and time-stamped; and finds any change made afterwards.
 */
@QuarkusTest
class CertificateSignatureTest {

    static final String PATH = "/api/residency/v1/certificates";

    static Path root() {
        return Path.of(System.getProperty(SigningAuthorityResource.ROOT_PROPERTY));
    }

    static byte[] issue(String body) {
        return given().auth().oauth2(Tokens.of("citizen")).contentType("application/json").accept("application/pdf")
                .body(body).when().post(PATH).then().statusCode(201).extract().asByteArray();
    }

    @Test
    void anIssuedCertificateValidatesOfflineAsPadesBaselineT() {
        Outcome outcome = OfflinePadesValidator.validate(issue("{\"kind\":\"HOUSEHOLD\"}"), root());

        assertEquals(SignatureLevel.PAdES_BASELINE_T, outcome.format(), outcome.toString());
        assertTrue(outcome.validBaselineT(), outcome.toString());
    }

    @Test
    void aDownloadAgainIsTheIssuedFileWithItsSignature() {
        byte[] issued = given().auth().oauth2(Tokens.of("citizen")).contentType("application/json")
                .accept("application/pdf").body("{\"kind\":\"PERSONAL_HISTORY\",\"showBackDigits\":true}")
                .when().post(PATH).then().statusCode(201).extract().asByteArray();
        String number;
        try (PDDocument pdf = Loader.loadPDF(issued)) {
            number = pdf.getDocumentInformation().getSubject().replace("문서확인번호 ", "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] again = given().auth().oauth2(Tokens.of("citizen")).when().get(PATH + "/" + number + "/pdf")
                .then().statusCode(200).extract().asByteArray();

        assertArrayEquals(issued, again, "the kept signature put back on the document rendered again");
        assertTrue(OfflinePadesValidator.validate(again, root()).validBaselineT());
    }

    @Test
    void aChangedCertificateFailsOfflineValidation() throws Exception {
        byte[] issued = issue("{\"kind\":\"HOUSEHOLD\"}");

        byte[] flipped = issued.clone();
        flipped[200] ^= 0x01;
        Outcome oneByte = OfflinePadesValidator.validate(flipped, root());
        assertFalse(oneByte.validBaselineT(), oneByte.toString());
        assertFalse(oneByte.intact(), "one byte changed: " + oneByte);

        // Opened in a PDF tool, its number changed, saved again (a whole new file).
        byte[] resaved;
        try (PDDocument pdf = Loader.loadPDF(issued)) {
            pdf.getDocumentInformation().setSubject("문서확인번호 1234-5678-9012-3452");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            resaved = out.toByteArray();
        }
        Outcome edited = OfflinePadesValidator.validate(resaved, root());
        assertFalse(edited.validBaselineT(), edited.toString());

        // The same, saved as an update after the signature (what most editors do to a signed file).
        byte[] updated;
        try (PDDocument pdf = Loader.loadPDF(issued)) {
            pdf.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            pdf.getDocumentInformation().setSubject("문서확인번호 1234-5678-9012-3452");
            pdf.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.saveIncremental(out);
            updated = out.toByteArray();
        }
        Outcome appended = OfflinePadesValidator.validate(updated, root());
        assertFalse(appended.validBaselineT(), appended.toString());
        assertFalse(appended.wholeDocument(), "the signature covers only the revision before the change: " + appended);
    }
}
