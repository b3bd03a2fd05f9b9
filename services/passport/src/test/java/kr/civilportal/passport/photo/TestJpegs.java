package kr.civilportal.passport.photo;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Photos made on the spot with ImageIO: plain ones are small, noisy ones compress badly and grow large. */
public final class TestJpegs {

    private TestJpegs() {
    }

    public static byte[] plain(int width, int height) {
        return encode(image(width, height, false), "jpg");
    }

    static byte[] noisy(int width, int height) {
        return encode(image(width, height, true), "jpg");
    }

    static byte[] png(int width, int height) {
        return encode(image(width, height, false), "png");
    }

    private static BufferedImage image(int width, int height, boolean noise) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(width / 4, height / 6, width / 2, height / 2);
        g.dispose();
        if (noise) {
            Random random = new Random(42);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    image.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            var out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
