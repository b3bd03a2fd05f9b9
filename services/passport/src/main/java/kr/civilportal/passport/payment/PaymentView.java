package kr.civilportal.passport.payment;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fee's payment on the application view (수수료 납부, 영수증): how it is paid and, paid online, what the provider
 * confirmed. Every property is always present (null where it does not apply), so a page reads one shape.
 */
@Schema(description = "수수료 납부: the method and, paid online, the receipt (영수증) and any refund (환불)")
public record PaymentView(
        @Schema(description = "ONLINE (온라인 결제) or AT_COUNTER (창구 납부)") PaymentMethod method,
        @Schema(description = "AWAITING (결제 대기), PAID (결제 완료), REFUND_PENDING (환불 처리 중), REFUNDED (환불 완료); "
                + "null for AT_COUNTER", nullable = true) ReceiptState state,
        @Schema(description = "The amount to pay or paid (KRW)", nullable = true) Integer amountKrw,
        @Schema(description = "The provider's payment id: the open one while AWAITING, the paid one after", nullable = true)
        String paymentId,
        @Schema(description = "결제일시", nullable = true) Instant paidAt,
        @Schema(description = "승인번호", nullable = true) String approvalNumber,
        @Schema(description = "카드: brand and last four digits only, e.g. VISA **** 4242", nullable = true) String cardSummary,
        @Schema(description = "Refunded so far (KRW): 0 until refunded; null for AT_COUNTER", nullable = true)
        Integer refundedAmountKrw,
        @Schema(description = "환불일시", nullable = true) Instant refundedAt) {

    public enum ReceiptState {
        AWAITING, PAID, REFUND_PENDING, REFUNDED
    }

    /** Paid at the counter: the portal knows nothing more. */
    public static PaymentView atCounter() {
        return new PaymentView(PaymentMethod.AT_COUNTER, null, null, null, null, null, null, null, null);
    }

    /** Not paid yet: the amount due, and the payment the citizen may still complete, if any. */
    public static PaymentView awaiting(int amountKrw, String openPaymentId) {
        return new PaymentView(PaymentMethod.ONLINE, ReceiptState.AWAITING, amountKrw, openPaymentId, null, null, null, 0,
                null);
    }

    /** The receipt of {@code paid}, with its refund (null: none asked). */
    public static PaymentView receipt(Payment paid, PaymentRefund refund) {
        ReceiptState state = refund == null ? ReceiptState.PAID
                : refund.done() ? ReceiptState.REFUNDED : ReceiptState.REFUND_PENDING;
        return new PaymentView(PaymentMethod.ONLINE, state, paid.amountKrw, paid.providerPaymentId, paid.paidAt,
                paid.approvalNumber, paid.cardSummary, refund != null && refund.done() ? refund.amountKrw : 0,
                refund == null ? null : refund.refundedAt);
    }
}
