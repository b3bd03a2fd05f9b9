package kr.civilportal.residency.movein;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who holds a move-in report (담당자), since when, and how they came to: shown to officers, never to the filer.
 *
 * @param officer        the officer's user name (preferred_username), as the access log names officers
 * @param takenOverFrom  담당 인계: the officer it was taken over from; absent when it was taken free
 * @param takeoverReason why it was taken over; absent when it was taken free
 * @param assignedBy     배정: the officer who assigned it to its holder; absent when the holder took it
 */
public record MoveInHolder(String officer, OffsetDateTime since,
        @JsonInclude(JsonInclude.Include.NON_NULL) String takenOverFrom,
        @JsonInclude(JsonInclude.Include.NON_NULL) String takeoverReason,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "배정: the officer who assigned it to its holder", examples = "residency-officer")
        String assignedBy) {

    public MoveInHolder(String officer, OffsetDateTime since) {
        this(officer, since, null, null, null);
    }

    static MoveInHolder of(MoveInReport r) {
        // In UTC whatever the JVM's zone the database gave it back in, as the other instants of the view are.
        return r.holderSubject == null ? null : new MoveInHolder(r.holderName,
                r.heldSince == null ? null : r.heldSince.withOffsetSameInstant(ZoneOffset.UTC), r.takenOverFrom,
                r.takeoverReason, r.assignedBy);
    }
}
