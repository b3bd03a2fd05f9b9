package kr.civilportal.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import kr.civilportal.launcher.signing.DevCertificateAuthority;
import kr.civilportal.launcher.signing.DevSigningAuthority;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing with the development signing authority (a real CA and a real RFC 3161 TSA over HTTP), and the portal's own
 * check of what comes out. The services' tests validate their issued documents with an independent validator too.
 */
class DocumentSignerTest {

    static final Instant ISSUED = Instant.parse("2026-03-04T00:30:00Z");
    static final String REASON = "주민등록표 등본 발급";

    @TempDir
    static Path dir;
    static DevSigningAuthority authority;
    static DocumentSigner signer;
    static SignedDocumentCheck check;

    @BeforeAll
    static void startAuthority() {
        authority = DevSigningAuthority.start(dir.resolve("pki"), 0);
        signer = DocumentSigner.fromKeyStore(authority.documentSigningKeystore("residency"),
                DevCertificateAuthority.PASSWORD.toCharArray(),
                new TimeStampClient(URI.create(authority.timeStampUrl()), Duration.ofSeconds(10)),
                "정부 민원 포털 주민등록 서비스", "Republic of Korea");
        check = new SignedDocumentCheck(List.of(authority.certificateAuthority().root()));
    }

    @AfterAll
    static void stopAuthority() {
        authority.close();
    }

    static byte[] rendered(IssuanceNumber number) {
        return PdfRenderer.render(new VerifiableDocument("주민등록표 등본", "행정안전부", number,
                OffsetDateTime.of(2026, 3, 4, 9, 30, 0, 0, ZoneOffset.ofHours(9)),
                URI.create("https://www.gov.example/verify?number=" + number.formatted()), ContentHash.sha256Hex("{}"),
                List.of(VerifiableDocument.Section.labelled("세대 정보", List.of(List.of("세대주", "김지민")))), List.of()));
    }

    @Test
    void aSignedDocumentIsPadesBaselineTAndChecksOut() throws Exception {
        IssuanceNumber number = IssuanceNumber.generate();
        DocumentSigner.Signed signed = signer.sign(rendered(number), ISSUED, REASON);

        try (PDDocument pdf = Loader.loadPDF(signed.pdf())) {
            PDSignature signature = pdf.getLastSignatureDictionary();
            assertEquals("ETSI.CAdES.detached", signature.getSubFilter());
            assertEquals(ISSUED.toEpochMilli(), signature.getSignDate().getTimeInMillis(), "/M is the issuance time");
            SignerInformation info = new CMSSignedData(signature.getContents(signed.pdf())).getSignerInfos().getSigners()
                    .iterator().next();
            assertNotNull(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2),
                    "ESS signing-certificate-v2 (PAdES baseline B)");
            assertNull(info.getSignedAttributes().get(CMSAttributes.signingTime), "no CMS signing time in PAdES");
            assertNotNull(info.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken),
                    "a signature time stamp (baseline T)");
        }
        SignedDocumentCheck.Result result = check.check(signed.pdf());
        assertTrue(result.valid(), result.problem());
        assertEquals(number, result.issuanceNumber().orElseThrow());
        assertTrue(Duration.between(result.timeStamped(), Instant.now()).abs().toMinutes() < 5,
                "stamped now by the TSA, not at the claimed issuance time: " + result.timeStamped());
    }

    @Test
    void theKeptSignatureRebuildsTheIssuedFileByteForByte() throws Exception {
        IssuanceNumber number = IssuanceNumber.generate();
        DocumentSigner.Signed signed = signer.sign(rendered(number), ISSUED, REASON);

        assertArrayEquals(signed.pdf(), signer.assemble(rendered(number), ISSUED, REASON, signed.signature()));
        DocumentSigningException other = assertThrows(DocumentSigningException.class,
                () -> signer.assemble(rendered(IssuanceNumber.generate()), ISSUED, REASON, signed.signature()));
        assertTrue(other.getMessage().contains("not the one that was signed"), other.getMessage());
    }

    @Test
    void anyChangeAfterSigningIsCaught() throws Exception {
        byte[] pdf = signer.sign(rendered(IssuanceNumber.generate()), ISSUED, REASON).pdf();

        assertTrue(check.check(pdf).valid());
        // One byte of the signed content: in the first revision, well before the signature's placeholder.
        byte[] flipped = pdf.clone();
        flipped[200] ^= 0x01;
        assertFalse(check.check(flipped).valid(), "one byte changed");

        // Edited and saved again by a PDF tool: a new revision after the signature.
        byte[] resaved;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            doc.getDocumentInformation().setTitle("주민등록표 등본 (고침)");
            var out = new java.io.ByteArrayOutputStream();
            doc.saveIncremental(out);
            resaved = out.toByteArray();
        }
        SignedDocumentCheck.Result edited = check.check(resaved);
        assertFalse(edited.valid(), "edited and re-saved");
        assertEquals("The document was changed after it was signed.", edited.problem());

        // The signature stripped: the unsigned first revision alone.
        byte[] unsigned = rendered(IssuanceNumber.generate());
        assertEquals("The document carries no signature.", check.check(unsigned).problem());

        assertEquals("This is not a PDF the portal can read.",
                check.check("not a pdf".getBytes(StandardCharsets.US_ASCII)).problem());
    }

    @Test
    void aDocumentSignedUnderAnotherRootIsNotTrusted() throws Exception {
        try (DevSigningAuthority stranger = DevSigningAuthority.start(dir.resolve("stranger"), 0)) {
            DocumentSigner forger = DocumentSigner.fromKeyStore(stranger.documentSigningKeystore("residency"),
                    DevCertificateAuthority.PASSWORD.toCharArray(),
                    new TimeStampClient(URI.create(stranger.timeStampUrl()), Duration.ofSeconds(10)),
                    "정부 민원 포털 주민등록 서비스", "Republic of Korea");
            SignedDocumentCheck.Result result = check.check(forger.sign(rendered(IssuanceNumber.generate()), ISSUED,
                    REASON).pdf());
            assertEquals("The signer is not one the portal trusts.", result.problem());
        }
    }

    @Test
    void noTimeStampNoDocument() throws Exception {
        DocumentSigner withoutTsa = DocumentSigner.fromKeyStore(authority.documentSigningKeystore("residency"),
                DevCertificateAuthority.PASSWORD.toCharArray(),
                new TimeStampClient(URI.create("http://localhost:9/tsa"), Duration.ofSeconds(2)), "x", "y");
        assertThrows(DocumentSigningException.class,
                () -> withoutTsa.sign(rendered(IssuanceNumber.generate()), ISSUED, REASON));
        assertTrue(Files.exists(authority.certificateAuthority().rootPem()));
    }
}
