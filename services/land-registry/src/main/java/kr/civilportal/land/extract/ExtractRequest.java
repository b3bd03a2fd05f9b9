package kr.civilportal.land.extract;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which parcel an extract is wanted of. */
public record ExtractRequest(
        @NotBlank(message = "is required (필지고유번호를 입력해 주세요)")
        @Schema(description = "Parcel number (필지고유번호), 19 digits", required = true, examples = "1111010100100010000")
        String pnu) {
}
