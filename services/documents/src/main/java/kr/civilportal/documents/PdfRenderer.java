package kr.civilportal.documents;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;

/**
 * Renders a {@link VerifiableDocument} as an A4 PDF with the bundled NanumGothic font (SIL OFL, embedded as a
 * subset so Hangul shows on any reader). Thread-safe: each call builds its own document.
 */
public final class PdfRenderer {

    static final String FONT_RESOURCE = "/fonts/NanumGothic.ttf";
    private static final byte[] FONT_BYTES = loadFont();
    /**
     * Parsing the 4.7 MB font costs more than the rest of a rendering, so parsed fonts are reused; a parsed
     * font is not thread-safe, so each rendering borrows one for itself and returns it.
     */
    private static final int POOLED_FONTS = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
    private static final BlockingQueue<TrueTypeFont> FONTS = new LinkedBlockingQueue<>();
    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("yyyy년 MM월 dd일 HH:mm");

    /** The size of an MD5 digest, what readers expect of a PDF file identifier. */
    private static final int FILE_IDENTIFIER_BYTES = 16;

    private static final float MARGIN = 50;
    private static final float TITLE_SIZE = 20;
    private static final float HEADING_SIZE = 12;
    private static final float TEXT_SIZE = 9;
    private static final float LEADING = 12;
    private static final float CELL_PAD = 3;
    private static final float FOOTER_HEIGHT = 130;
    private static final float QR_SIZE = 90;

    private PdfRenderer() {
    }

    public static byte[] render(VerifiableDocument document) {
        try (PDDocument pdf = new PDDocument()) {
            TrueTypeFont ttf = FONTS.poll();
            if (ttf == null) {
                ttf = new TTFParser().parse(new RandomAccessReadBuffer(FONT_BYTES));
            }
            try {
                return render(pdf, PDType0Font.load(pdf, ttf, true), document);
            } finally {
                // Back to the pool once the subset is written (save() reads the font); surplus ones are dropped.
                if (FONTS.size() < POOLED_FONTS) {
                    FONTS.offer(ttf);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The document could not be rendered", e);
        }
    }

    private static byte[] render(PDDocument pdf, PDType0Font font, VerifiableDocument document) throws IOException {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(document.title());
        info.setAuthor(document.issuer());
        info.setSubject("문서확인번호 " + document.issuanceNumber().formatted());
        new Layout(pdf, font, document).draw();
        pdf.getDocument().getTrailer().setItem(COSName.ID, fileIdentifier(document));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        pdf.save(out);
        return out.toByteArray();
    }

    /**
     * The file identifier (trailer {@code /ID}), which PDFBox would otherwise make from the clock: taken from the
     * issuance number and content hash, so that a document rendered again (a download, a replayed issuance) is the
     * same file, byte for byte, and two documents never share one.
     */
    private static COSArray fileIdentifier(VerifiableDocument document) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update(document.issuanceNumber().formatted().getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) 0);
        digest.update(document.contentHash().getBytes(StandardCharsets.US_ASCII));
        byte[] id = Arrays.copyOf(digest.digest(), FILE_IDENTIFIER_BYTES);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        return ids;
    }

    /** Splits {@code text} into lines no wider than {@code width} at {@code size} points. */
    static List<String> wrap(PDType0Font font, String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : (text == null ? "" : text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int lastSpace = -1;
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                line.appendCodePoint(cp);
                if (cp == ' ') {
                    lastSpace = line.length() - 1;
                }
                if (line.length() > 1 && width(font, line.toString(), size) > width) {
                    // Break at the last space if there is one (addresses, English), else between syllables.
                    int cut = lastSpace > 0 ? lastSpace : line.length() - Character.charCount(cp);
                    lines.add(line.substring(0, cut).stripTrailing());
                    String rest = line.substring(cut).stripLeading();
                    line = new StringBuilder(rest);
                    lastSpace = -1;
                }
                i += Character.charCount(cp);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static float width(PDType0Font font, String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private static byte[] loadFont() {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled font " + FONT_RESOURCE + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws page by page, starting a new page when the next row does not fit above the footer. */
    private static final class Layout {
        private final PDDocument pdf;
        private final PDType0Font font;
        private final VerifiableDocument doc;
        private final float contentWidth = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream out;
        private float y;

        Layout(PDDocument pdf, PDType0Font font, VerifiableDocument doc) {
            this.pdf = pdf;
            this.font = font;
            this.doc = doc;
        }

        void draw() throws IOException {
            newPage();
            float titleWidth = width(font, doc.title(), TITLE_SIZE);
            text(doc.title(), TITLE_SIZE, MARGIN + (contentWidth - titleWidth) / 2, y - TITLE_SIZE);
            y -= TITLE_SIZE + 24;
            for (VerifiableDocument.Section section : doc.sections()) {
                section(section);
            }
            for (String note : doc.notes()) {
                for (String line : wrap(font, note, TEXT_SIZE, contentWidth)) {
                    ensureRoom(LEADING);
                    text(line, TEXT_SIZE, MARGIN, y - TEXT_SIZE);
                    y -= LEADING;
                }
            }
            out.close();
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream footer = new PDPageContentStream(pdf, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    pageFooter(footer, i + 1, pages.size());
                    if (i == pages.size() - 1) {
                        verificationBlock(footer, pages.get(i));
                    }
                }
            }
        }

        private void section(VerifiableDocument.Section section) throws IOException {
            ensureRoom(HEADING_SIZE + 8 + LEADING * 2);
            text(section.heading(), HEADING_SIZE, MARGIN, y - HEADING_SIZE);
            y -= HEADING_SIZE + 8;
            float[] widths = columnWidths(section.weights());
            if (!section.header().isEmpty()) {
                row(section.header(), widths, true);
            }
            for (List<String> row : section.rows()) {
                row(row, widths, false);
            }
            y -= 14;
        }

        private float[] columnWidths(List<Double> weights) {
            double total = weights.stream().mapToDouble(Double::doubleValue).sum();
            float[] widths = new float[weights.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = (float) (contentWidth * weights.get(i) / total);
            }
            return widths;
        }

        private void row(List<String> cells, float[] widths, boolean header) throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < cells.size(); c++) {
                List<String> cellLines = wrap(font, cells.get(c), TEXT_SIZE, widths[c] - 2 * CELL_PAD);
                wrapped.add(cellLines);
                lines = Math.max(lines, cellLines.size());
            }
            float height = lines * LEADING + 2 * CELL_PAD;
            ensureRoom(height);
            float x = MARGIN;
            for (int c = 0; c < cells.size(); c++) {
                if (header) {
                    out.setNonStrokingColor(new Color(0xEE, 0xF1, 0xF6));
                    out.addRect(x, y - height, widths[c], height);
                    out.fill();
                    out.setNonStrokingColor(Color.BLACK);
                }
                out.setLineWidth(0.5f);
                out.addRect(x, y - height, widths[c], height);
                out.stroke();
                float ty = y - CELL_PAD - TEXT_SIZE;
                for (String line : wrapped.get(c)) {
                    text(line, TEXT_SIZE, x + CELL_PAD, ty);
                    ty -= LEADING;
                }
                x += widths[c];
            }
            y -= height;
        }

        private void pageFooter(PDPageContentStream s, int page, int of) throws IOException {
            String line = "문서확인번호 " + doc.issuanceNumber().formatted() + "   " + page + " / " + of;
            s.beginText();
            s.setFont(font, 8);
            s.newLineAtOffset(MARGIN, 30);
            s.showText(line);
            s.endText();
        }

        /** The block a reader checks: number, date, issuer, hash, and the QR code to the verification page. */
        private void verificationBlock(PDPageContentStream s, PDPage page) throws IOException {
            float top = MARGIN + FOOTER_HEIGHT - 10;
            s.setLineWidth(0.8f);
            s.moveTo(MARGIN, top + 6);
            s.lineTo(MARGIN + contentWidth, top + 6);
            s.stroke();
            float textWidth = contentWidth - QR_SIZE - 10;
            List<String> lines = new ArrayList<>();
            lines.add("문서확인번호: " + doc.issuanceNumber().formatted());
            lines.add("발급일시: " + ISSUED.format(doc.issuedAt()));
            lines.add("발급기관: " + doc.issuer());
            lines.add("내용 해시(SHA-256):");
            lines.addAll(wrap(font, doc.contentHash(), 8, textWidth));
            lines.addAll(wrap(font, "진위확인: QR 코드를 스캔하거나 " + doc.verificationUrl()
                    + " 에서 문서확인번호를 입력하십시오.", 8, textWidth));
            float ty = top - 10;
            for (String line : lines) {
                s.beginText();
                s.setFont(font, 8);
                s.newLineAtOffset(MARGIN, ty);
                s.showText(line);
                s.endText();
                ty -= 11;
            }
            float qrX = MARGIN + contentWidth - QR_SIZE;
            float qrY = top - QR_SIZE;
            drawQr(s, QrCode.encode(doc.verificationUrl().toString()), qrX, qrY, QR_SIZE);
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(qrX, qrY, QR_SIZE, QR_SIZE));
            PDBorderStyleDictionary noBorder = new PDBorderStyleDictionary();
            noBorder.setWidth(0);
            link.setBorderStyle(noBorder);
            PDActionURI action = new PDActionURI();
            action.setURI(doc.verificationUrl().toString());
            link.setAction(action);
            page.getAnnotations().add(link);
        }

        private static void drawQr(PDPageContentStream s, BitMatrix m, float x, float y, float size) throws IOException {
            float module = size / m.getWidth();
            s.setNonStrokingColor(Color.BLACK);
            for (int row = 0; row < m.getHeight(); row++) {
                for (int col = 0; col < m.getWidth(); col++) {
                    if (m.get(col, row)) {
                        s.addRect(x + col * module, y + size - (row + 1) * module, module, module);
                    }
                }
            }
            s.fill();
        }

        private void ensureRoom(float height) throws IOException {
            if (y - height < MARGIN + FOOTER_HEIGHT) {
                out.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            pages.add(page);
            out = new PDPageContentStream(pdf, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void text(String text, float size, float x, float baseline) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, baseline);
            out.showText(text);
            out.endText();
        }
    }
}
