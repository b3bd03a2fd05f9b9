package kr.civilportal.passport.photo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import kr.civilportal.common.problem.ProblemException;

/**
 * The rules a passport photo file must meet (여권 사진 규정). The printed photo is 3.5 cm × 4.5 cm (외교부
 * 여권 사진 규정, passport.go.kr); the file of an online application is a JPEG of at most 500 KB, at least
 * 413 × 531 pixels, which is 3.5 × 4.5 cm at 300 dpi (35 / 25.4 × 300 ≈ 413, 45 / 25.4 × 300 ≈ 531). The type
 * is judged by the content, never by a name or header the client chose: the JPEG magic bytes, then a full decode.
 */
public final class PhotoRules {

    public static final int MAX_BYTES = 500 * 1024;
    public static final int MIN_WIDTH = 413;
    public static final int MIN_HEIGHT = 531;
    /** Nothing larger is needed to print 3.5 × 4.5 cm; the bound keeps a tiny file from decoding into gigabytes. */
    public static final int MAX_SIDE = 4000;
    /** 35:45, with 2 % either way for the rounding of cropped pixels. */
    public static final double ASPECT = 35.0 / 45.0;
    public static final double ASPECT_TOLERANCE = 0.02;

    public record Checked(byte[] content, int width, int height) {
    }

    private PhotoRules() {
    }

    /** @throws ProblemException validation-failed with field {@code photo}, saying what is wrong */
    public static Checked check(byte[] content) {
        if (content == null || content.length == 0) {
            throw invalid("is required: send the JPEG file as the body (사진 파일을 첨부해 주세요)");
        }
        if (content.length > MAX_BYTES) {
            throw invalid("must be at most 500 KB (사진 파일은 500KB 이하여야 합니다)");
        }
        // SOI marker and the start of the next marker: FF D8 FF.
        if (content.length < 3 || (content[0] & 0xFF) != 0xFF || (content[1] & 0xFF) != 0xD8
                || (content[2] & 0xFF) != 0xFF) {
            throw notJpeg();
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            if (in == null || !readers.hasNext()) {
                throw notJpeg();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE) {
                    throw invalid("must be at most " + MAX_SIDE + " pixels on each side (사진이 너무 큽니다)");
                }
                if (width < MIN_WIDTH || height < MIN_HEIGHT) {
                    throw invalid("must be at least " + MIN_WIDTH + " × " + MIN_HEIGHT + " pixels, it is " + width
                            + " × " + height + " (사진은 가로 " + MIN_WIDTH + " × 세로 " + MIN_HEIGHT + " 픽셀 이상이어야 합니다)");
                }
                double ratio = (double) width / height;
                if (Math.abs(ratio - ASPECT) > ASPECT * ASPECT_TOLERANCE) {
                    throw invalid("must have the 35:45 proportions of a passport photo, it is " + width + " × "
                            + height + " (사진 비율은 가로 3.5 : 세로 4.5 이어야 합니다)");
                }
                // A header can be valid over a broken body: decode it all.
                if (reader.read(0) == null) {
                    throw notJpeg();
                }
                return new Checked(content, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw notJpeg();
        }
    }

    private static ProblemException notJpeg() {
        return invalid("must be a JPEG image (JPEG 형식의 사진만 올릴 수 있습니다)");
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.invalidField("photo", detail, "사진 파일이 여권 사진 규정에 맞지 않습니다.");
    }
}
