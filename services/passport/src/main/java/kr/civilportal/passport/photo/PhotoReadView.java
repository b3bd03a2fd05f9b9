package kr.civilportal.passport.photo;

import java.time.Instant;
import java.util.UUID;

/**
 * An officer's read as the applicant sees it (열람 기록): which application, when, who (the officer's user name, as
 * residency's access log names officials), why, and what: its photo, or a document of a 보완 answer ({@code
 * documentId}, null for a photo; reason {@code supplement-document}).
 */
public record PhotoReadView(UUID applicationId, Instant readAt, String official, String reason, PhotoRead.What what,
                            UUID documentId) {
}
