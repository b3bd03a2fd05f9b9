package kr.civilportal.passport.photo;

import java.time.Instant;

/** An officer's read of the photo as the applicant sees it: when, who (the officer's {@code sub}) and why. */
public record PhotoReadView(Instant readAt, String official, String reason) {
}
