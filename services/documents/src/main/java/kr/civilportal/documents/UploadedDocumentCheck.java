package kr.civilportal.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import kr.civilportal.common.problem.ProblemException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The documents of a 보완 answer (보완 서류), checked by what their bytes are, never by their name or declared type
 * (docs/supplement-documents.md): a PDF that PDFBox opens and that is not encrypted, a JPEG or a PNG that ImageIO
 * decodes; at most {@code maxCount} of them, none empty nor over {@code maxBytes}, and each part's declared type that
 * of its bytes. Any refusal is a 400 naming {@code documents} (too many) or {@code documents[i]}, before anything is
 * stored: the whole answer is refused. Plain (this module has no beans): each service that takes uploads (residency's
 * move-in 보완, passport's 보완 제출) makes one from its own limits; tested without Quarkus.
 */
public final class UploadedDocumentCheck {

    /**
     * The pixels an image is decoded to at most, to prove it is one: a larger image is decoded subsampled, every byte
     * still read but memory bounded (a 2 MB PNG may declare a picture of billions of pixels).
     */
    private static final long CHECKED_PIXELS = 4_000_000L;
    /** The longest file name kept (the column's size): it is for display only. */
    public static final int NAME_LENGTH = 100;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final String TAKEN_EN = "PDF, JPEG or PNG";
    private static final String TAKEN_KO = "PDF, JPEG, PNG 파일만 첨부할 수 있습니다";

    /** What a document is, by its bytes: the type downloads are served with, and the names a part may declare. */
    public enum Kind {
        PDF("application/pdf", "pdf", Set.of("application/pdf", "application/x-pdf")),
        JPEG("image/jpeg", "jpg", Set.of("image/jpeg", "image/jpg", "image/pjpeg")),
        PNG("image/png", "png", Set.of("image/png", "image/x-png"));

        public final String mediaType;
        final String extension;
        private final Set<String> declarable;

        Kind(String mediaType, String extension, Set<String> declarable) {
            this.mediaType = mediaType;
            this.extension = extension;
            this.declarable = declarable;
        }

        boolean declaredAs(String declared) {
            if (declared == null) {
                return false;
            }
            int semicolon = declared.indexOf(';');
            String type = (semicolon < 0 ? declared : declared.substring(0, semicolon)).strip()
                    .toLowerCase(Locale.ROOT);
            return declarable.contains(type);
        }
    }

    /** A part as sent: its file name and declared type as the browser gave them, its size, and its bytes. */
    public record Part(String fileName, String declaredType, long size, Content content) {

        public static Part of(String fileName, String declaredType, byte[] bytes) {
            return new Part(fileName, declaredType, bytes.length, () -> bytes);
        }
    }

    /** The bytes of a part, read only once its size is known to be within the limit. */
    @FunctionalInterface
    public interface Content {
        byte[] read() throws IOException;
    }

    /** A document taken: its display name, its type by content, its bytes and their SHA-256 (hex). */
    public record Checked(String fileName, Kind kind, byte[] bytes, String sha256) {
    }

    private final int maxCount;
    private final long maxBytes;

    public UploadedDocumentCheck(int maxCount, long maxBytes) {
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
    }

    /** The parts in the order sent, all taken, or a 400 naming the first refused. */
    public List<Checked> check(List<Part> parts) {
        if (parts == null || parts.isEmpty()) {
            return List.of();
        }
        if (parts.size() > maxCount) {
            throw ProblemException.invalidField("documents", "at most " + maxCount + " documents ("
                    + parts.size() + " sent)", "서류는 " + maxCount + "개까지 첨부할 수 있습니다 (" + parts.size()
                    + "개 첨부됨).");
        }
        List<Checked> checked = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            checked.add(checkOne(i, parts.get(i)));
        }
        return List.copyOf(checked);
    }

    private Checked checkOne(int index, Part part) {
        String field = "documents[" + index + "]";
        if (part.size() <= 0) {
            throw ProblemException.invalidField(field, "is empty", "빈 파일은 첨부할 수 없습니다.");
        }
        if (part.size() > maxBytes) {
            throw ProblemException.invalidField(field, "is larger than " + maxBytes + " bytes",
                    "파일 하나는 " + (maxBytes / (1024 * 1024)) + "MB까지 첨부할 수 있습니다.");
        }
        byte[] bytes;
        try {
            bytes = part.content().read();
        } catch (IOException e) {
            throw new UncheckedIOException("An uploaded part could not be read", e);
        }
        if (bytes.length == 0) {
            throw ProblemException.invalidField(field, "is empty", "빈 파일은 첨부할 수 없습니다.");
        }
        if (bytes.length > maxBytes) {
            throw ProblemException.invalidField(field, "is larger than " + maxBytes + " bytes",
                    "파일 하나는 " + (maxBytes / (1024 * 1024)) + "MB까지 첨부할 수 있습니다.");
        }
        Kind kind = kindOf(bytes);
        if (kind == null) {
            throw ProblemException.invalidField(field, "is not a readable " + TAKEN_EN + " document (unencrypted)",
                    TAKEN_KO + " (암호가 걸리지 않은 PDF, 열리는 이미지).");
        }
        if (!kind.declaredAs(part.declaredType())) {
            throw ProblemException.invalidField(field, "is a " + kind.name() + " document but was sent as "
                    + (part.declaredType() == null ? "no type" : part.declaredType()) + "; " + TAKEN_EN
                    + " are taken, each sent as its own type", "파일 형식이 내용과 다릅니다. " + TAKEN_KO + ".");
        }
        return new Checked(displayName(part.fileName(), index, kind), kind, bytes, sha256(bytes));
    }

    /** What the bytes are, or null when they are none of the types taken (or a PDF that is encrypted or broken). */
    static Kind kindOf(byte[] bytes) {
        if (startsWith(bytes, PDF_MAGIC)) {
            return opensAsPdf(bytes) ? Kind.PDF : null;
        }
        if (startsWith(bytes, JPEG_MAGIC)) {
            return decodesAsImage(bytes) ? Kind.JPEG : null;
        }
        if (startsWith(bytes, PNG_MAGIC)) {
            return decodesAsImage(bytes) ? Kind.PNG : null;
        }
        return null;
    }

    private static boolean opensAsPdf(byte[] bytes) {
        // An encrypted PDF with a user password does not open at all; one with only an owner password opens but is
        // still encrypted: the officer could not be sure to read it, nor the service to check it.
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            return !pdf.isEncrypted() && pdf.getNumberOfPages() > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean decodesAsImage(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (in == null) {
                return false;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.sqrt((double) pixels / CHECKED_PIXELS));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param) != null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The name shown and given back on download: its path dropped (a browser may send one), control and
     * direction-changing characters removed, cut to {@link #NAME_LENGTH} characters; none left: {@code
     * document-<n>.<ext>}, n counted from 1.
     */
    static String displayName(String sent, int index, Kind kind) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        if (name.codePointCount(0, name.length()) > NAME_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, NAME_LENGTH)).strip();
        }
        return name.isEmpty() ? "document-" + (index + 1) + "." + kind.extension : name;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
