package kr.civilportal.citizen.movein;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One of the citizen's move-in reports, as residency lists them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoveIn(UUID id, MoveInMode mode, MoveInStatus status, String rejectionReason, OffsetDateTime submittedAt,
        OffsetDateTime decidedAt) {

    /** Still open: the citizen may take it back (취하). */
    public boolean undecided() {
        return status == MoveInStatus.AWAITING_HEAD || status == MoveInStatus.SUBMITTED;
    }
}
