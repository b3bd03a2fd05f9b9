package kr.civilportal.passport.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kr.civilportal.passport.payment.PaymentMethod;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a citizen sends to apply. The applicant is the caller, never a field of the body. A travel certificate
 * (여행증명서) leaves {@code pages} out ({@link BookletFitsValidity}).
 */
@BookletFitsValidity
public record ApplicationRequest(
        @NotNull(message = "is required (신청 구분을 선택해 주세요)")
        @Schema(description = "NEW (신규) or REISSUE (재발급)", required = true)
        ApplicationKind kind,

        @NotNull(message = "is required (유효기간을 선택해 주세요)")
        @Schema(description = "TEN_YEARS (10년), FIVE_YEARS (5년, under 18) or TRAVEL_CERTIFICATE (여행증명서, single use)",
                required = true)
        Validity validity,

        @PageCount
        @Schema(description = "Pages of the booklet (사증면수): 26 or 58; required for a passport, left out for a "
                + "travel certificate", enumeration = {"26", "58"})
        Integer pages,

        @Size(max = 20, message = "is not a passport office (여권 접수 기관을 선택해 주세요)")
        @Schema(description = "접수 기관: the passport office that will process the application and hand the passport "
                + "over, e.g. SEOUL-JONGNO (see GET /api/passport/v1/pickup-slots?office=). Left out: the portal's "
                + "default office where one is configured, else 400", maxLength = 20)
        String office,

        @Schema(description = "수수료 납부 방법: ONLINE (온라인 결제: the application waits for its payment, status "
                + "AWAITING_PAYMENT, and is received once paid) or AT_COUNTER (여권 접수처 방문 시 납부). Left out: "
                + "AT_COUNTER")
        PaymentMethod payment) {

    /** Clients written before online payment send none: they pay at the counter, as they always did. */
    public PaymentMethod paymentOrDefault() {
        return payment == null ? PaymentMethod.AT_COUNTER : payment;
    }
}
