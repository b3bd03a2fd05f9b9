package kr.civilportal.passport.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An officer's settlement of an identity check by hand (담당자 본인 확인). */
public record ResolutionRequest(
        @NotNull(message = "is required: CONFIRMED or REFUTED (확인 결과를 선택해 주세요)")
        @Schema(description = "CONFIRMED (identity established by hand) or REFUTED (could not be established)",
                required = true)
        IdentityChecks.Resolution outcome,

        @NotBlank(message = "is required (확인 방법·사유를 입력해 주세요)")
        @Size(max = 500, message = "must be at most 500 characters (500자 이내)")
        @Schema(description = "How the identity was checked, e.g. 신분증 대조 (ID card checked at the desk)",
                required = true)
        String note) {
}
