package kr.civilportal.admin.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A 119 report the gateway held for the emergency service, as the gateway shows it to a dispatch supervisor
 * (gateway/README.md, "119 store-and-forward"): no personal data here; that is {@link Content}, read with a reason.
 * States and steps stay text, so a name this console does not know yet still lists (as {@code OTHER}).
 */
public record HeldReport(UUID relayId, Instant receivedAt, String state, int attempts, Instant nextAttemptAt,
        String lastError, Refusal refusal, long bodyBytes, String contentType, Instant deliveredAt,
        Instant resolvedAt, String resolvedBy, String resolution, List<Step> steps) {

    /** Why the service refused it: its status and its problem's words. */
    public record Refusal(int status, String title, String detail, String detailKo, List<String> fields) {
        public String detailIn(boolean english) {
            return english || detailKo == null ? detail : detailKo;
        }
    }

    /** A supervisor's step: a read of its content, a retry, its settling. */
    public record Step(String step, String official, String note, Instant takenAt) {
        public HeldStep kind() {
            return HeldStep.of(step);
        }
    }

    public record Listed(List<HeldReport> reports, boolean truncated) {
    }

    /** The report as sent (its JSON), and its files' names, types and sizes. */
    public record Content(String contentType, long bodyBytes, String report, List<Attachment> attachments) {
        private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        /** The report's JSON indented for reading, or as sent when it is not JSON. */
        public String reportShown() {
            if (report == null) {
                return "";
            }
            try {
                return JSON.writeValueAsString(JSON.readTree(report));
            } catch (IOException e) {
                return report;
            }
        }
    }

    public record Attachment(String name, String filename, String contentType, long bytes) {
    }

    public HeldState stateKind() {
        return HeldState.of(state);
    }

    /** Only a refused report can be sent again. */
    public boolean refused() {
        return stateKind() == HeldState.FAILED;
    }

    /**
     * A held report can be settled as well as a refused one: one acted on by phone during an outage is then not
     * delivered later as a second emergency.
     */
    public boolean settleable() {
        return stateKind() == HeldState.HELD || stateKind() == HeldState.FAILED;
    }

    /** The gateway keeps the content of a report only until it is delivered or settled. */
    public boolean contentKept() {
        return stateKind() == HeldState.HELD || stateKind() == HeldState.FAILED;
    }
}
