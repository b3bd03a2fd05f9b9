package kr.civilportal.emergency.receipt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.civilportal.emergency.attachment.AttachmentSummary;
import kr.civilportal.emergency.dispatch.Outcome;
import kr.civilportal.emergency.report.ReportStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the reporter may see of their report (처리 현황): where it stands and when each step happened. Not the
 * dispatchers' notes nor who acted; the number masked.
 */
public record ReceiptStatus(
        UUID reportId,
        ReportStatus status,
        Instant receivedAt,
        Instant acknowledgedAt,
        Instant dispatchedAt,
        Instant closedAt,
        @Schema(nullable = true, description = "How the report was closed; null until it is") Outcome outcome,
        @Schema(examples = "010-****-5678") String reporterPhone,
        List<AttachmentSummary> attachments) {
}
