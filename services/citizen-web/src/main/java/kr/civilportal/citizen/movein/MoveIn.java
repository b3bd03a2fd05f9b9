package kr.civilportal.citizen.movein;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One of the citizen's move-in reports, as residency lists them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoveIn(UUID id, MoveInStatus status, String rejectionReason, OffsetDateTime submittedAt,
        OffsetDateTime decidedAt) {
}
