package kr.civilportal.residency.movein;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.civilportal.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The documents of a 보완 answer are what their bytes are: without Quarkus. */
class SupplementDocumentCheckTest {

    static final long TWO_MB = 2L * 1024 * 1024;
    final SupplementDocumentCheck check = new SupplementDocumentCheck(3, TWO_MB);

    static String refusedField(Runnable checking) {
        ProblemException e = assertThrows(ProblemException.class, checking::run);
        assertEquals(400, e.problem().status());
        return e.problem().errors().get(0).field();
    }

    @Test
    void aPdfAPngAndAJpegAreTakenInOrderWithTheirTypesByContentAndDigests() {
        byte[] pdf = SupplementDocuments.pdf("lease");
        byte[] png = SupplementDocuments.png();
        byte[] jpeg = SupplementDocuments.jpeg();
        List<SupplementDocumentCheck.Checked> taken = check.check(List.of(
                SupplementDocumentCheck.Part.of("임대차계약서.pdf", "application/pdf", pdf),
                SupplementDocumentCheck.Part.of("photo.png", "image/png", png),
                SupplementDocumentCheck.Part.of("scan.jpg", "image/jpeg; charset=binary", jpeg)));
        assertEquals(List.of("임대차계약서.pdf", "photo.png", "scan.jpg"),
                taken.stream().map(SupplementDocumentCheck.Checked::fileName).toList());
        assertEquals(List.of("application/pdf", "image/png", "image/jpeg"),
                taken.stream().map(c -> c.kind().mediaType).toList());
        assertArrayEquals(pdf, taken.get(0).bytes());
        assertEquals(64, taken.get(0).sha256().length());
        assertEquals(SupplementDocumentCheck.sha256(png), taken.get(1).sha256());
    }

    @Test
    void noPartsAreNoDocuments() {
        assertEquals(List.of(), check.check(List.of()));
        assertEquals(List.of(), check.check(null));
    }

    @Test
    void textNamedAsAPdfIsRefusedAtItsIndex() {
        byte[] text = "이것은 PDF가 아닙니다".getBytes(StandardCharsets.UTF_8);
        assertEquals("documents[1]", refusedField(() -> check.check(List.of(
                SupplementDocumentCheck.Part.of("a.png", "image/png", SupplementDocuments.png()),
                SupplementDocumentCheck.Part.of("lease.pdf", "application/pdf", text)))));
    }

    @Test
    void aPdfHeaderOnBrokenBytesAndAnEncryptedPdfAreRefused() {
        byte[] broken = "%PDF-1.7\nnothing else".getBytes(StandardCharsets.US_ASCII);
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(
                SupplementDocumentCheck.Part.of("lease.pdf", "application/pdf", broken)))));
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(
                SupplementDocumentCheck.Part.of("lease.pdf", "application/pdf", SupplementDocuments.encryptedPdf())))));
    }

    @Test
    void anImageMagicOnBytesNoImageReaderDecodesIsRefused() {
        byte[] png = SupplementDocuments.png();
        byte[] cut = Arrays.copyOf(png, 20);
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(
                SupplementDocumentCheck.Part.of("photo.png", "image/png", cut)))));
        byte[] jpegMagicOnly = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3};
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(
                SupplementDocumentCheck.Part.of("photo.jpg", "image/jpeg", jpegMagicOnly)))));
    }

    @Test
    void aDeclaredTypeOtherThanTheBytesIsRefused() {
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(
                SupplementDocumentCheck.Part.of("photo.pdf", "application/pdf", SupplementDocuments.png())))));
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(
                SupplementDocumentCheck.Part.of("lease.pdf", null, SupplementDocuments.pdf("x"))))));
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(
                SupplementDocumentCheck.Part.of("scan.jpg", "image/png", SupplementDocuments.jpeg())))));
    }

    @Test
    void moreThanTheCountIsRefusedAsAWhole() {
        byte[] png = SupplementDocuments.png();
        SupplementDocumentCheck.Part part = SupplementDocumentCheck.Part.of("p.png", "image/png", png);
        assertEquals("documents", refusedField(() -> check.check(List.of(part, part, part, part))));
        assertEquals(3, check.check(List.of(part, part, part)).size());
    }

    @Test
    void anEmptyFileIsRefused() {
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(
                SupplementDocumentCheck.Part.of("empty.pdf", "application/pdf", new byte[0])))));
    }

    @Test
    void aFileOverTheLimitIsRefusedWithoutReadingIt() {
        AtomicBoolean read = new AtomicBoolean();
        SupplementDocumentCheck.Part big = new SupplementDocumentCheck.Part("big.pdf", "application/pdf",
                TWO_MB + 1, () -> {
                    read.set(true);
                    return new byte[0];
                });
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(big))));
        assertTrue(!read.get(), "an oversized part is not read");
        // Exactly at the limit is taken (the limit is inclusive): a PDF padded to 2 MB after its end.
        byte[] pdf = SupplementDocuments.pdf("lease");
        byte[] padded = Arrays.copyOf(pdf, (int) TWO_MB);
        Arrays.fill(padded, pdf.length, padded.length, (byte) '\n');
        assertEquals(1, check.check(List.of(SupplementDocumentCheck.Part.of("big.pdf", "application/pdf",
                padded))).size());
    }

    @Test
    void theNameIsForDisplayPathAndControlsDroppedCutAndNamedByTypeWhenNoneIsLeft() {
        SupplementDocumentCheck.Kind pdf = SupplementDocumentCheck.Kind.PDF;
        assertEquals("lease.pdf", SupplementDocumentCheck.displayName("C:\\Users\\me\\lease.pdf", 0, pdf));
        assertEquals("lease.pdf", SupplementDocumentCheck.displayName("../../etc/lease.pdf", 0, pdf));
        assertEquals("leasefdp.exe", SupplementDocumentCheck.displayName("lease\u202Efdp.exe\u0000\r\n", 0, pdf));
        assertEquals("document-2.pdf", SupplementDocumentCheck.displayName("  ", 1, pdf));
        assertEquals("document-1.png", SupplementDocumentCheck.displayName(null, 0, SupplementDocumentCheck.Kind.PNG));
        assertEquals("document-3.pdf", SupplementDocumentCheck.displayName("dir/", 2, pdf));
        String korean = "가".repeat(150) + ".pdf";
        assertEquals("가".repeat(100), SupplementDocumentCheck.displayName(korean, 0, pdf));
    }

    @Test
    void theDownloadNamesTheFileInUtf8PercentEncoded() {
        assertEquals("attachment; filename*=UTF-8''%EA%B3%84%EC%95%BD%EC%84%9C%20%281%29.pdf",
                SupplementDocumentDownload.contentDisposition("계약서 (1).pdf"));
        assertEquals("attachment; filename*=UTF-8''a%22b%3B.png",
                SupplementDocumentDownload.contentDisposition("a\"b;.png"));
    }
}
