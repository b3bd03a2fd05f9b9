package kr.civilportal.land.owner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a land officer records when a parcel changes owner (소유권 변동). */
public record OwnerChangeRequest(
        @NotBlank(message = "is required (소유자 성명을 입력해 주세요)")
        @Size(max = 100, message = "must be at most 100 characters (소유자 성명은 100자 이내입니다)")
        @Schema(description = "New owner's name (소유자 성명), person or legal entity", required = true, examples = "홍길동")
        String ownerName,

        @NotNull(message = "is required (지분을 입력해 주세요)")
        @Pattern(regexp = "^[1-9][0-9]{0,6}/[1-9][0-9]{0,6}$",
                message = "must be a fraction such as 1/1 or 1/2 (지분은 1/2처럼 분수로 적습니다)")
        @Schema(description = "Share (지분) acquired, as a fraction", required = true, examples = "1/1")
        String share,

        @NotNull(message = "is required (변동일자를 입력해 주세요)")
        @PastOrPresent(message = "cannot be in the future (변동일자는 미래일 수 없습니다)")
        @Schema(description = "Date of the change (변동일자)", required = true, examples = "2025-03-15")
        LocalDate changedOn,

        @NotNull(message = "is required (변동원인을 선택해 주세요)")
        @Schema(description = "Cause of the change (변동원인)", required = true)
        OwnerChangeCause cause) {
}
