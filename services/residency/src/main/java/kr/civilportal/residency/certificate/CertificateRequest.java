package kr.civilportal.residency.certificate;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A citizen's request for one of their own certificates. */
@Schema(examples = "{\"kind\":\"HOUSEHOLD\",\"includeFormerAddresses\":true,\"showBackDigits\":false}")
public record CertificateRequest(
        @NotNull @Schema(description = "HOUSEHOLD (등본) or PERSONAL_HISTORY (초본)") CertificateKind kind,
        @Schema(description = "Include former addresses (과거 주소 변동 사항 포함); default false") Boolean includeFormerAddresses,
        @Schema(description = "Show the back digits of the holder's own number (본인 주민등록번호 뒷자리 표시); others stay masked. Default false")
        Boolean showBackDigits) {

    boolean formerAddresses() {
        return Boolean.TRUE.equals(includeFormerAddresses);
    }

    boolean backDigits() {
        return Boolean.TRUE.equals(showBackDigits);
    }
}
