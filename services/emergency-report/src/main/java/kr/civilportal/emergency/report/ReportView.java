package kr.civilportal.emergency.report;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report as a dispatcher (상황요원) sees it: the call-back number in the clear, since they must call. */
public record ReportView(
        UUID reportId,
        ReportCategory category,
        String description,
        double latitude,
        double longitude,
        Double accuracyMeters,
        String address,
        @Schema(description = "Call-back number, unmasked; null when none was given or it cannot be decrypted",
                examples = "010-1234-5678")
        String reporterPhone,
        ReportStatus status,
        int priority,
        Instant receivedAt) {
}
