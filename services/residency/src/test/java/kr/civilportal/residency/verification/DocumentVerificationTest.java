package kr.civilportal.residency.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicInteger;
import kr.civilportal.testsupport.Tokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * 진위확인 by the document itself: a certificate's PDF as issued is genuine; the same file changed in any way, or a
 * file that is not one, is refused with what is wrong, and counts as a miss against the guessing limit.
 */
@QuarkusTest
class DocumentVerificationTest {

    static final String PATH = "/api/residency/v1/verifications";
    static final AtomicInteger CLIENTS = new AtomicInteger();

    /** Each test its own address, so the guessing limit of one does not spill into another. */
    static String client() {
        return "203.0.113." + (100 + CLIENTS.incrementAndGet());
    }

    static Response issue() {
        return given().auth().oauth2(Tokens.of("citizen")).contentType("application/json").accept("application/pdf")
                .body("{\"kind\":\"HOUSEHOLD\"}").when().post("/api/residency/v1/certificates");
    }

    @Test
    void theIssuedPdfIsGenuineAndSaysWhatItIs() {
        Response issued = issue();
        given().header("X-Forwarded-For", client()).contentType("application/pdf").body(issued.asByteArray())
                .when().post(PATH)
                .then().statusCode(200)
                .body("genuine", equalTo(true))
                .body("issuanceNumber", equalTo(issued.header("Issuance-Number")))
                .body("kind", equalTo("HOUSEHOLD"))
                .body("contentHash", equalTo(issued.header("Content-Hash")))
                .body("signer", containsString("residency document signing"))
                .body("timeStamped", startsWith("20"));
    }

    @Test
    void aChangedPdfIsNotGenuine() throws Exception {
        byte[] pdf = issue().asByteArray();
        String client = client();

        byte[] flipped = pdf.clone();
        flipped[200] ^= 0x01;
        refused(client, flipped, "changed");

        byte[] resaved;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            doc.getDocumentInformation().setSubject("문서확인번호 1234-5678-9012-3452");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            resaved = out.toByteArray();
        }
        refused(client, resaved, "");

        byte[] appended;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            doc.getDocumentInformation().setTitle("주민등록표 등본 (고침)");
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            appended = out.toByteArray();
        }
        refused(client, appended, "changed after it was signed");

        refused(client, "%PDF-1.7 not really".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "");
    }

    @Test
    void onlyPdfsAreTakenAndFailuresCountAsGuesses() {
        given().header("X-Forwarded-For", client()).contentType("application/json").body("{}")
                .when().post(PATH).then().statusCode(415).contentType("application/problem+json");
        String client = client();
        byte[] junk = "not a pdf".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int refusedBeforeLimit = 0;
        while (refusedBeforeLimit < 20) {
            int status = given().header("X-Forwarded-For", client).contentType("application/pdf").body(junk)
                    .when().post(PATH).then().extract().statusCode();
            if (status == 429) {
                break;
            }
            refusedBeforeLimit++;
        }
        org.junit.jupiter.api.Assertions.assertEquals(10, refusedBeforeLimit,
                "the guessing limit (10 misses a minute) stops a client trying forgeries");
    }

    static void refused(String client, byte[] pdf, String why) {
        given().header("X-Forwarded-For", client).contentType("application/pdf").body(pdf)
                .when().post(PATH)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("document-not-genuine"))
                .body("detail", containsString(why));
    }
}
