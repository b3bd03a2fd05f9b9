package kr.civilportal.emergency.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.civilportal.emergency.attachment.AttachmentSummary;
import kr.civilportal.emergency.dispatch.Outcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report as a dispatcher (상황요원) sees it: the call-back number in the clear, since they must call. */
public record ReportView(
        UUID reportId,
        ReportCategory category,
        String description,
        @Schema(description = "WGS 84 latitude; null when the reporter gave only an address") Double latitude,
        Double longitude,
        Double accuracyMeters,
        String address,
        @Schema(description = "Call-back number, unmasked; null when none was given or it cannot be decrypted",
                examples = "010-1234-5678")
        String reporterPhone,
        ReportStatus status,
        int priority,
        Instant receivedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant dispatchedAt,
        @Schema(description = "The unit sent (출동 대), e.g. 종로소방서 펌프1") String assignedUnit,
        Instant closedAt,
        @Schema(nullable = true, description = "How the report was closed; null until it is") Outcome outcome,
        List<AttachmentSummary> attachments) {
}
