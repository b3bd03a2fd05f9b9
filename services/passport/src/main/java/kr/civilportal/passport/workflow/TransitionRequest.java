package kr.civilportal.passport.workflow;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import kr.civilportal.passport.application.ApplicationStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An officer's action on an application. {@code from}, when given, is the status the officer saw: if another
 * officer moved the application meanwhile, the action is refused (409) instead of applied to a state the
 * officer never looked at.
 */
public record TransitionRequest(
        @NotNull(message = "is required (변경할 처리 상태를 선택해 주세요)")
        @Schema(description = "The new status", required = true)
        ApplicationStatus to,

        @Schema(description = "The status the officer saw (optional guard against concurrent changes)")
        ApplicationStatus from,

        @Size(max = 500, message = "must be at most 500 characters (사유는 500자 이내로 입력해 주세요)")
        @Schema(description = "Required to reject (반려 사유) or ask for a supplement (보완 요청 사유)")
        String reason,

        @Schema(description = "Required with SUPPLEMENT_REQUESTED: the last day to supply it (보완 기한), after today")
        LocalDate supplementDeadline) {
}
