package kr.civilportal.citizen.movein;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A request to join the citizen's household, as residency shows it to the head (the requester's name masked). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JoinRequest(UUID id, String requesterName, Relation relationToHead, LocalDate movedInOn,
        OffsetDateTime submittedAt) {
}
