package kr.civilportal.citizen.movein;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One of the citizen's move-in reports, as residency lists them; {@code officeName} is the office that decides it
 * (관할 기관), absent where residency does not say (no office covers the address, or a join not yet approved).
 * {@code dueAt} is its 처리기한 (absent until it reaches the officers), {@code overdue} says it passed undecided.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoveIn(UUID id, MoveInMode mode, MoveInStatus status, String rejectionReason, OffsetDateTime submittedAt,
        OffsetDateTime decidedAt, String officeName, OffsetDateTime dueAt, boolean overdue) {

    /** Still open: the citizen may take it back (취하). */
    public boolean undecided() {
        return status == MoveInStatus.AWAITING_HEAD || status == MoveInStatus.SUBMITTED;
    }
}
