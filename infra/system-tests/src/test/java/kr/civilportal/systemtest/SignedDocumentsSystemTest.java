package kr.civilportal.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import kr.civilportal.documents.DocumentSigner;
import kr.civilportal.documents.TimeStampClient;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.launcher.signing.DevCertificateAuthority;
import kr.civilportal.launcher.signing.DevSigningAuthority;
import kr.civilportal.testsupport.OfflinePadesValidator;
import kr.civilportal.testsupport.OfflinePadesValidator.Outcome;
import kr.civilportal.testsupport.Tokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Documents anyone can trust, end to end: a residency certificate and a land extract issued through the gateway
 * validate offline (the EU's DSS with nothing but the file and the portal's root: PAdES baseline T, intact, valid,
 * trusted, time-stamped) and online (the PDF posted to the public verification through the gateway, no login).
 * The same files with one byte changed, with the holder's number changed and re-saved, with the signature stripped,
 * and a real number put on a different document signed under another CA: each refused online (422) and invalid
 * offline.
 */
class SignedDocumentsSystemTest {

    static final int PORT_OFFSET = 3_500;
    static final String CHEONGUN_1 = "1111010100100010000";
    static final AtomicInteger CLIENTS = new AtomicInteger();

    static Portal portal;
    static PortalOptions options;
    static Path root;

    @BeforeAll
    static void startPortal() throws IOException {
        Path work = Files.createDirectories(Path.of("target/signed-documents").toAbsolutePath());
        options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work)
                .withSharedKeycloak(SharedKeycloak.get()).withoutWebApps().withoutPaymentProvider();
        portal = Portal.start(options, line -> System.out.println("[portal] " + line));
        root = options.signingAuthorityData().resolve("root.crt");
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }

    static String client() {
        return "198.51.100." + (10 + CLIENTS.incrementAndGet());
    }

    static byte[] certificate(String user) {
        Response r = given().auth().oauth2(Tokens.of(portal.keycloak().tokenEndpoint(), user))
                .contentType("application/json").accept("application/pdf")
                .body("{\"kind\":\"HOUSEHOLD\"}").when().post(options.gatewayUrl() + "/api/residency/v1/certificates");
        assertEquals(201, r.statusCode(), r.asString());
        return r.asByteArray();
    }

    static byte[] extract() {
        Response r = given().auth().oauth2(Tokens.of(portal.keycloak().tokenEndpoint(), "citizen"))
                .contentType("application/json").body("{\"pnu\":\"" + CHEONGUN_1 + "\"}")
                .when().post(options.gatewayUrl() + "/api/land/v1/extracts");
        assertEquals(201, r.statusCode(), r.asString());
        return r.asByteArray();
    }

    static Response verifyOnline(String path, byte[] pdf) {
        return given().header("X-Forwarded-For", client()).contentType("application/pdf").body(pdf)
                .when().post(options.gatewayUrl() + path);
    }

    @Test
    void issuedDocumentsValidateOfflineAndOnlineAndEveryForgeryIsCaught() throws Exception {
        Map<String, byte[]> issued = new LinkedHashMap<>();
        issued.put("/api/residency/v1/verifications", certificate("citizen"));
        issued.put("/api/land/v1/extract-verifications", extract());

        for (Map.Entry<String, byte[]> document : issued.entrySet()) {
            String verification = document.getKey();
            byte[] pdf = document.getValue();
            Outcome offline = OfflinePadesValidator.validate(pdf, root);
            assertEquals(SignatureLevel.PAdES_BASELINE_T, offline.format(), verification + ": " + offline);
            assertTrue(offline.validBaselineT(), verification + ": " + offline);
            verifyOnline(verification, pdf).then().statusCode(200).body("genuine", equalTo(true));

            Map<String, byte[]> forgeries = new LinkedHashMap<>();
            byte[] flipped = pdf.clone();
            flipped[200] ^= 0x01;
            forgeries.put("one byte changed", flipped);
            forgeries.put("the number changed and saved again", resavedWithNumber(pdf, "1234-5678-9012-3452"));
            forgeries.put("the signature stripped", stripped(pdf));
            for (Map.Entry<String, byte[]> forgery : forgeries.entrySet()) {
                Outcome bad = OfflinePadesValidator.validate(forgery.getValue(), root);
                assertFalse(bad.validBaselineT(), verification + ", " + forgery.getKey() + ": offline " + bad);
                verifyOnline(verification, forgery.getValue()).then().statusCode(422)
                        .contentType("application/problem+json").body("type", containsString("document-not-genuine"));
            }
        }

        // A real number (citizen's certificate) put on a different document (citizen2's), signed under another CA.
        byte[] genuine = issued.get("/api/residency/v1/verifications");
        String realNumber = numberOf(genuine);
        try (DevSigningAuthority forgerCa = DevSigningAuthority.start(
                Files.createTempDirectory("forger-ca"), 0)) {
            DocumentSigner forger = DocumentSigner.fromKeyStore(forgerCa.documentSigningKeystore("residency"),
                    DevCertificateAuthority.PASSWORD.toCharArray(),
                    new TimeStampClient(URI.create(forgerCa.timeStampUrl()), Duration.ofSeconds(10)),
                    "정부 민원 포털 주민등록 서비스 (시연)", "Republic of Korea");
            byte[] other = stripped(certificate("citizen2"));
            byte[] pasted = forger.sign(resavedWithNumber(other, realNumber), Instant.now(), "주민등록표 등본 발급").pdf();
            Outcome offline = OfflinePadesValidator.validate(pasted, root);
            assertFalse(offline.trustedChain(), "a foreign CA is not trusted offline: " + offline);
            assertFalse(offline.validBaselineT(), offline.toString());
            verifyOnline("/api/residency/v1/verifications", pasted).then().statusCode(422)
                    .body("detail", containsString("not one the portal trusts"));
        }
    }

    static String numberOf(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getDocumentInformation().getSubject().replace("문서확인번호 ", "");
        }
    }

    /** Opened in a PDF tool, the number (문서확인번호) changed, saved again as a whole new file. */
    static byte[] resavedWithNumber(byte[] pdf, String number) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            doc.getDocumentInformation().setSubject("문서확인번호 " + number);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** The signature field and its widget removed, the rest saved as a new file: an unsigned copy. */
    static byte[] stripped(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            List<PDSignatureField> fields = form == null ? List.of() : form.getFields().stream()
                    .filter(PDSignatureField.class::isInstance).map(PDSignatureField.class::cast).toList();
            assertFalse(fields.isEmpty(), "the issued file is signed");
            for (PDSignatureField field : fields) {
                for (var widget : field.getWidgets()) {
                    for (var page : doc.getPages()) {
                        List<PDAnnotation> annotations = page.getAnnotations();
                        annotations.removeIf(a -> a.getCOSObject() == widget.getCOSObject());
                        page.setAnnotations(annotations);
                    }
                }
                form.getFields().remove(field);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            byte[] unsigned = out.toByteArray();
            try (PDDocument check = Loader.loadPDF(unsigned)) {
                assertTrue(check.getSignatureDictionaries().isEmpty(), "no signature left");
            }
            return unsigned;
        }
    }
}
