package kr.civilportal.passport.holder;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who holds an application (담당자) and since when, and how they came to: after a 담당 인계, from whom and why;
 * after a 배정, who assigned it. Shown to officers, never to the applicant.
 *
 * @param officer        the officer's user name (preferred_username), as the read logs name officers
 * @param takenOverFrom  담당 인계: the officer it was taken over from; absent when it was taken free
 * @param takeoverReason why it was taken over; absent when it was taken free
 * @param assignedBy     배정: the officer who assigned it to its holder; absent when the holder took it themself
 */
public record CaseHolder(String officer, Instant since,
        @JsonInclude(JsonInclude.Include.NON_NULL) String takenOverFrom,
        @JsonInclude(JsonInclude.Include.NON_NULL) String takeoverReason,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "배정: the officer who assigned it to its holder", examples = "passport-officer")
        String assignedBy) {

    public CaseHolder(String officer, Instant since) {
        this(officer, since, null, null, null);
    }
}
