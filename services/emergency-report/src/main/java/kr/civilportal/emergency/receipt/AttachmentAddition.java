package kr.civilportal.emergency.receipt;

import java.util.List;
import java.util.UUID;
import kr.civilportal.emergency.attachment.AttachmentSummary;
import kr.civilportal.emergency.report.ReportWarning;

/** The answer to a reporter who added files: what was stored, and what was left out and why. */
public record AttachmentAddition(UUID reportId, List<AttachmentSummary> added, List<ReportWarning> warnings) {
}
