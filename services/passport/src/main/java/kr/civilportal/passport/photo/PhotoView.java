package kr.civilportal.passport.photo;

import java.time.Instant;

/** What an upload answers: the photo as stored (its bytes are read back through GET). */
public record PhotoView(int width, int height, int bytes, Instant uploadedAt) {
}
