package kr.civilportal.citizen.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the 119 API and the gateway's relay answer, as the report pages read it. */
public final class ReportAnswers {

    private ReportAnswers() {
    }

    /**
     * The answer to a report: the service's receipt ({@code reportId}, {@code receiptToken}), or, when no replica
     * took it, the gateway relay's ({@code relayId}, {@code relayToken}: held durably, forwarded later).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Accepted(UUID reportId, String receiptToken, UUID relayId, String relayToken) {
        public boolean held() {
            return relayId != null;
        }
    }

    /** A held report as its reporter follows it; once delivered, with the service's receipt. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Held(HeldState state, Instant receivedAt, Forwarded service) {
        public Accepted receipt() {
            return service == null ? null : service.receipt();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Forwarded(Accepted receipt) {
    }

    /** A report's receipt (접수증): its state, when, the masked call-back number, how many files came with it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Receipt(ReportStatus status, Instant receivedAt, String reporterPhone, List<Object> attachments) {
        public int attachmentCount() {
            return attachments == null ? 0 : attachments.size();
        }
    }
}
