package kr.civilportal.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.testsupport.UploadedDocuments;
import org.junit.jupiter.api.Test;

/** The documents of a 보완 answer are what their bytes are: without Quarkus. */
class UploadedDocumentCheckTest {

    static final long TWO_MB = 2L * 1024 * 1024;
    final UploadedDocumentCheck check = new UploadedDocumentCheck(3, TWO_MB);

    static String refusedField(Runnable checking) {
        ProblemException e = assertThrows(ProblemException.class, checking::run);
        assertEquals(400, e.problem().status());
        return e.problem().errors().get(0).field();
    }

    @Test
    void aPdfAPngAndAJpegAreTakenInOrderWithTheirTypesByContentAndDigests() {
        byte[] pdf = UploadedDocuments.pdf("lease");
        byte[] png = UploadedDocuments.png();
        byte[] jpeg = UploadedDocuments.jpeg();
        List<UploadedDocumentCheck.Checked> taken = check.check(List.of(
                UploadedDocumentCheck.Part.of("임대차계약서.pdf", "application/pdf", pdf),
                UploadedDocumentCheck.Part.of("photo.png", "image/png", png),
                UploadedDocumentCheck.Part.of("scan.jpg", "image/jpeg; charset=binary", jpeg)));
        assertEquals(List.of("임대차계약서.pdf", "photo.png", "scan.jpg"),
                taken.stream().map(UploadedDocumentCheck.Checked::fileName).toList());
        assertEquals(List.of("application/pdf", "image/png", "image/jpeg"),
                taken.stream().map(c -> c.kind().mediaType).toList());
        assertArrayEquals(pdf, taken.get(0).bytes());
        assertEquals(64, taken.get(0).sha256().length());
        assertEquals(UploadedDocumentCheck.sha256(png), taken.get(1).sha256());
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
                UploadedDocumentCheck.Part.of("a.png", "image/png", UploadedDocuments.png()),
                UploadedDocumentCheck.Part.of("lease.pdf", "application/pdf", text)))));
    }

    @Test
    void aPdfHeaderOnBrokenBytesAndAnEncryptedPdfAreRefused() {
        byte[] broken = "%PDF-1.7\nnothing else".getBytes(StandardCharsets.US_ASCII);
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(
                UploadedDocumentCheck.Part.of("lease.pdf", "application/pdf", broken)))));
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(
                UploadedDocumentCheck.Part.of("lease.pdf", "application/pdf", UploadedDocuments.encryptedPdf())))));
    }

    @Test
    void anImageMagicOnBytesNoImageReaderDecodesIsRefused() {
        byte[] png = UploadedDocuments.png();
        byte[] cut = Arrays.copyOf(png, 20);
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(
                UploadedDocumentCheck.Part.of("photo.png", "image/png", cut)))));
        byte[] jpegMagicOnly = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3};
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(
                UploadedDocumentCheck.Part.of("photo.jpg", "image/jpeg", jpegMagicOnly)))));
    }

    @Test
    void aDeclaredTypeOtherThanTheBytesIsRefused() {
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(
                UploadedDocumentCheck.Part.of("photo.pdf", "application/pdf", UploadedDocuments.png())))));
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(
                UploadedDocumentCheck.Part.of("lease.pdf", null, UploadedDocuments.pdf("x"))))));
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(
                UploadedDocumentCheck.Part.of("scan.jpg", "image/png", UploadedDocuments.jpeg())))));
    }

    @Test
    void moreThanTheCountIsRefusedAsAWhole() {
        byte[] png = UploadedDocuments.png();
        UploadedDocumentCheck.Part part = UploadedDocumentCheck.Part.of("p.png", "image/png", png);
        assertEquals("documents", refusedField(() -> check.check(List.of(part, part, part, part))));
        assertEquals(3, check.check(List.of(part, part, part)).size());
    }

    @Test
    void anEmptyFileIsRefused() {
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(
                UploadedDocumentCheck.Part.of("empty.pdf", "application/pdf", new byte[0])))));
    }

    @Test
    void aFileOverTheLimitIsRefusedWithoutReadingIt() {
        AtomicBoolean read = new AtomicBoolean();
        UploadedDocumentCheck.Part big = new UploadedDocumentCheck.Part("big.pdf", "application/pdf",
                TWO_MB + 1, () -> {
                    read.set(true);
                    return new byte[0];
                });
        assertEquals("documents[0]", refusedField(() -> check.check(List.of(big))));
        assertTrue(!read.get(), "an oversized part is not read");
        // Exactly at the limit is taken (the limit is inclusive): a PDF padded to 2 MB after its end.
        byte[] pdf = UploadedDocuments.pdf("lease");
        byte[] padded = Arrays.copyOf(pdf, (int) TWO_MB);
        Arrays.fill(padded, pdf.length, padded.length, (byte) '\n');
        assertEquals(1, check.check(List.of(UploadedDocumentCheck.Part.of("big.pdf", "application/pdf",
                padded))).size());
    }

    @Test
    void theNameIsForDisplayPathAndControlsDroppedCutAndNamedByTypeWhenNoneIsLeft() {
        UploadedDocumentCheck.Kind pdf = UploadedDocumentCheck.Kind.PDF;
        assertEquals("lease.pdf", UploadedDocumentCheck.displayName("C:\\Users\\me\\lease.pdf", 0, pdf));
        assertEquals("lease.pdf", UploadedDocumentCheck.displayName("../../etc/lease.pdf", 0, pdf));
        assertEquals("leasefdp.exe", UploadedDocumentCheck.displayName("lease\u202Efdp.exe\u0000\r\n", 0, pdf));
        assertEquals("document-2.pdf", UploadedDocumentCheck.displayName("  ", 1, pdf));
        assertEquals("document-1.png", UploadedDocumentCheck.displayName(null, 0, UploadedDocumentCheck.Kind.PNG));
        assertEquals("document-3.pdf", UploadedDocumentCheck.displayName("dir/", 2, pdf));
        String korean = "가".repeat(150) + ".pdf";
        assertEquals("가".repeat(100), UploadedDocumentCheck.displayName(korean, 0, pdf));
    }
}
