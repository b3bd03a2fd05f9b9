package kr.civilportal.land.ownerchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import kr.civilportal.land.owner.OwnerChangeRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a citizen files: the parcel and the change of owner to record, as an officer would record it. */
public record NewOwnerChangeFiling(
        @NotNull(message = "is required (필지고유번호를 입력해 주세요)")
        @Pattern(regexp = "^[0-9]{10}[12][0-9]{8}$", message = "must be a 19-digit parcel number (필지고유번호 19자리)")
        @Schema(description = "Parcel number (필지고유번호)", required = true, examples = "1111010100100010000")
        String pnu,
        @NotNull(message = "is required (변동 내용을 입력해 주세요)") @Valid
        @Schema(required = true)
        OwnerChangeRequest change) {
}
