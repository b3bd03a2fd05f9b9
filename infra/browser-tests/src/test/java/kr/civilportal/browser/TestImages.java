package kr.civilportal.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Real JPEG files for the upload fields, made on the spot. */
final class TestImages {

    private TestImages() {
    }

    /** A passport-sized photo (3.5 × 4.5 cm at 300 dpi). */
    static Path passportPhoto(Path dir) {
        return jpeg(dir, "photo.jpg", 413, 531);
    }

    static Path jpeg(Path dir, String name, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(235, 240, 245));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(90, 70, 60));
        g.fillOval(width / 4, height / 6, width / 2, height / 2);
        g.dispose();
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            ImageIO.write(image, "jpg", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
