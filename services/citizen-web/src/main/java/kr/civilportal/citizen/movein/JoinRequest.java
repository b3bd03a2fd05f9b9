package kr.civilportal.citizen.movein;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A request to join the citizen's household, as residency shows it to the head (the requester's name masked);
 * {@code moverCount}: how many would join, the requester included (세대 일부/전부 합가), since the head consents to all.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JoinRequest(UUID id, String requesterName, Relation relationToHead, LocalDate movedInOn,
        OffsetDateTime submittedAt, int moverCount) {

    public JoinRequest(UUID id, String requesterName, Relation relationToHead, LocalDate movedInOn,
            OffsetDateTime submittedAt) {
        this(id, requesterName, relationToHead, movedInOn, submittedAt, 1);
    }

    public JoinRequest {
        // An older residency sends no count: the requester alone.
        moverCount = Math.max(moverCount, 1);
    }

    /** Others join with the requester: the head is told how many before consenting. */
    public boolean withOthers() {
        return moverCount > 1;
    }
}
