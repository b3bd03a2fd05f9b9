package kr.civilportal.passport.photo;

import java.time.Instant;
import java.util.UUID;

/**
 * An officer's read of a photo as the applicant sees it (사진 열람 기록): which application, when, who (the officer's
 * user name, as residency's access log names officials) and why.
 */
public record PhotoReadView(UUID applicationId, Instant readAt, String official, String reason) {
}
