package kr.civilportal.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

    private static final URI VERIFY = URI.create("https://www.gov.example/verify/1234-5678-9012-3452");

    @Test
    void hangulTextIsEmbeddedAndExtractsBack() throws Exception {
        IssuanceNumber number = IssuanceNumber.generate();
        byte[] pdf = PdfRenderer.render(document(number, 3));
        assertTrue(new String(pdf, 0, 5).startsWith("%PDF-"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("주민등록표 등본"), text);
            assertTrue(text.contains("서울특별시 종로구 세종대로 209"), text);
            assertTrue(text.contains("문서확인번호: " + number.formatted()), text);
            assertTrue(text.contains("발급일시: 2026년 03월 04일 09:30"), text);
            assertTrue(text.contains("행정안전부"), text);
            assertEquals("문서확인번호 " + number.formatted(), doc.getDocumentInformation().getSubject());
        }
    }

    /** What lets a retried issuance be answered by rendering the stored document again instead of keeping the PDF. */
    @Test
    void theSameDocumentRendersToTheSameBytes() {
        IssuanceNumber number = IssuanceNumber.generate();
        org.junit.jupiter.api.Assertions.assertArrayEquals(PdfRenderer.render(document(number, 3)),
                PdfRenderer.render(document(number, 3)));
    }

    @Test
    void longTablesFlowOntoMorePagesAndTheLastCarriesTheVerificationLink() throws Exception {
        byte[] pdf = PdfRenderer.render(document(IssuanceNumber.generate(), 120));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() > 1);
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("세대원 119"), "the last row is there");
            var annotations = doc.getPage(doc.getNumberOfPages() - 1).getAnnotations();
            PDAnnotationLink link = (PDAnnotationLink) annotations.get(0);
            assertEquals(VERIFY.toString(), ((PDActionURI) link.getAction()).getURI());
        }
    }

    @Test
    void concurrentRenderingsEachGetTheirOwnFontAndComeOutWhole() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> done = new ArrayList<>();
            List<IssuanceNumber> numbers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                IssuanceNumber n = IssuanceNumber.generate();
                numbers.add(n);
                int members = 1 + i % 5;
                done.add(pool.submit(() -> {
                    try (PDDocument doc = Loader.loadPDF(PdfRenderer.render(document(n, members)))) {
                        return new PDFTextStripper().getText(doc);
                    }
                }));
            }
            for (int i = 0; i < done.size(); i++) {
                String text = done.get(i).get();
                assertTrue(text.contains("문서확인번호: " + numbers.get(i).formatted()), text);
                assertTrue(text.contains("세대원 " + (i % 5)) && text.contains("서울특별시 종로구 세종대로 209"), text);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theQrCodeDecodesToTheVerificationAddress() throws Exception {
        BitMatrix m = QrCode.encode(VERIFY.toString());
        int scale = 4;
        int w = m.getWidth() * scale;
        int h = m.getHeight() * scale;
        int[] pixels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
        assertEquals(VERIFY.toString(), new QRCodeReader().decode(bitmap).getText());
    }

    @Test
    void longCellTextWrapsInsteadOfRunningOffThePage() throws Exception {
        String address = "경기도 성남시 분당구 판교역로 235 에이치스퀘어 엔동 7층 701호 (삼평동, 판교테크노밸리 제2사옥)";
        byte[] pdf = PdfRenderer.render(new VerifiableDocument("주민등록표 초본", "행정안전부", IssuanceNumber.generate(),
                OffsetDateTime.of(2026, 3, 4, 9, 30, 0, 0, ZoneOffset.ofHours(9)), VERIFY, "ab".repeat(32),
                List.of(new VerifiableDocument.Section("주소 변동 사항", List.of("전입일", "주소"), List.of(1.0, 1.0),
                        List.of(List.of("2020-01-02", address)))), List.of()));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains(address.replaceAll("\\s+", "")), text);
        }
    }

    private static VerifiableDocument document(IssuanceNumber number, int members) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            rows.add(List.of(i == 0 ? "본인" : "자녀", "세대원 " + i, "900101-1******", "2020-01-02"));
        }
        return new VerifiableDocument("주민등록표 등본", "행정안전부", number,
                OffsetDateTime.of(2026, 3, 4, 9, 30, 0, 0, ZoneOffset.ofHours(9)), VERIFY,
                ContentHash.sha256Hex("{}"),
                List.of(VerifiableDocument.Section.labelled("세대 정보",
                                List.of(List.of("주소", "서울특별시 종로구 세종대로 209"), List.of("세대주", "김지민"))),
                        new VerifiableDocument.Section("세대 구성", List.of("관계", "성명", "주민등록번호", "전입일"),
                                List.of(1.0, 2.0, 2.0, 1.5), rows)),
                List.of("이 증명서는 인터넷으로 발급되었습니다."));
    }
}
