package kr.civilportal.citizen.passport;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * How an application's fee is paid, as passport shows it to the applicant: the receipt (영수증) once paid online.
 * No card data reaches the portal: {@code cardSummary} is the provider's masked summary (brand and last four).
 * {@code state} is null for a fee paid at the office.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Payment(PaymentMethod method, State state, Long amountKrw, String paymentId, Instant paidAt,
        String approvalNumber, String cardSummary, Long refundedAmountKrw, Instant refundedAt) {

    /** Where an online payment stands. */
    public enum State {
        /** Not paid yet: the application waits (결제 대기). */
        AWAITING,
        PAID,
        /** Rejected after it was paid: the refund is asked of the provider (환불 처리 중). */
        REFUND_PENDING,
        /** 환불 완료. */
        REFUNDED
    }

    public boolean online() {
        return method == PaymentMethod.ONLINE;
    }

    public boolean atCounter() {
        return method == PaymentMethod.AT_COUNTER;
    }

    /** Paid, whether refunded since or not: there is a receipt to show. */
    public boolean receipt() {
        return state == State.PAID || refunding() || refunded();
    }

    public boolean refunding() {
        return state == State.REFUND_PENDING;
    }

    public boolean refunded() {
        return state == State.REFUNDED;
    }

    /** The amount paid (or due): 0 when passport does not say. */
    public long amount() {
        return amountKrw == null ? 0 : amountKrw;
    }

    /** The amount given back: the refunded amount passport names, else (refund pending) the amount paid. */
    public long refundAmount() {
        return refundedAmountKrw == null || refundedAmountKrw == 0 ? amount() : refundedAmountKrw;
    }
}
