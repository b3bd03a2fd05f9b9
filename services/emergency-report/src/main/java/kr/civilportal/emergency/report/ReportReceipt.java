package kr.civilportal.emergency.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.civilportal.emergency.attachment.AttachmentSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to the reporter (접수증): proof the report is stored, with their number masked. */
public record ReportReceipt(
        UUID reportId,
        @Schema(description = "Secret for following the report and adding attachments later (send it as the "
                + "Receipt-Token header to /api/emergency/v1/receipts/{reportId}); shown only in this answer")
        String receiptToken,
        ReportStatus status,
        Instant receivedAt,
        int priority,
        @Schema(description = "Masked call-back number, or null when none was given", examples = "010-****-5678")
        String reporterPhone,
        @Schema(description = "The attachments stored with the report")
        List<AttachmentSummary> attachments,
        @Schema(description = "What was left out or not done as asked; the report itself is accepted")
        List<ReportWarning> warnings) {
}
