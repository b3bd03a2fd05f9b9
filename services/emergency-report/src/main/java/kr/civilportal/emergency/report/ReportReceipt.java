package kr.civilportal.emergency.report;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to the reporter: proof the report is stored, with their number masked. */
public record ReportReceipt(
        UUID reportId,
        ReportStatus status,
        Instant receivedAt,
        int priority,
        @Schema(description = "Masked call-back number, or null when none was given", examples = "010-****-5678")
        String reporterPhone) {
}
