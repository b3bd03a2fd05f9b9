package kr.civilportal.passport.holder;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Who holds an application (담당자) and since when: shown to officers, never to the applicant.
 *
 * @param officer        the officer's user name (preferred_username), as the read logs name officers
 * @param takenOverFrom  담당 인계: the officer it was taken over from; absent when it was taken free
 * @param takeoverReason why it was taken over; absent when it was taken free
 */
public record CaseHolder(String officer, Instant since,
        @JsonInclude(JsonInclude.Include.NON_NULL) String takenOverFrom,
        @JsonInclude(JsonInclude.Include.NON_NULL) String takeoverReason) {

    public CaseHolder(String officer, Instant since) {
        this(officer, since, null, null);
    }
}
