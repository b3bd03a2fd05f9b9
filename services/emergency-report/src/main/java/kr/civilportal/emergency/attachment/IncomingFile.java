package kr.civilportal.emergency.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One uploaded file part as the HTTP layer saved it to disk: nothing about it is trusted yet. */
public record IncomingFile(String declaredType, long size, Path path) {

    /** The first bytes, for {@link MediaSniffer}. */
    public byte[] head() {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(MediaSniffer.HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("An uploaded file could not be read", e);
        }
    }

    public byte[] bytes() {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("An uploaded file could not be read", e);
        }
    }
}
