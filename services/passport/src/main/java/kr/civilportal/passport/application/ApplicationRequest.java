package kr.civilportal.passport.application;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a citizen sends to apply. The applicant is the caller, never a field of the body. */
public record ApplicationRequest(
        @NotNull(message = "is required (신청 구분을 선택해 주세요)")
        @Schema(description = "NEW (신규) or REISSUE (재발급)", required = true)
        ApplicationKind kind,

        @NotNull(message = "is required (유효기간을 선택해 주세요)")
        @Schema(description = "TEN_YEARS (10년) or FIVE_YEARS (5년)", required = true)
        Validity validity,

        @NotNull(message = "is required (사증면수를 선택해 주세요)")
        @PageCount
        @Schema(description = "Pages of the booklet (사증면수): 26 or 58", enumeration = {"26", "58"}, required = true)
        Integer pages) {
}
