package kr.civilportal.emergency.attachment;

import java.time.Instant;
import java.util.UUID;

/** What lists show of an attachment: never its content. */
public record AttachmentSummary(UUID attachmentId, String mediaType, long sizeBytes, Instant receivedAt) {
}
