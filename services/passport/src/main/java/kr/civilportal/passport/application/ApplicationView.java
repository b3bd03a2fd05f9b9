package kr.civilportal.passport.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.civilportal.passport.fee.Fee;
import kr.civilportal.passport.workflow.StatusChangeView;

/**
 * An application as its applicant and the officers see it: the fee (수수료) from the fee table, and, when one
 * application is read, its whole history (처리 이력), oldest first. Lists leave the history out.
 */
public record ApplicationView(
        UUID id,
        ApplicationKind kind,
        Validity validity,
        int pages,
        ApplicationStatus status,
        Instant submittedAt,
        Fee fee,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<StatusChangeView> history) {
}
