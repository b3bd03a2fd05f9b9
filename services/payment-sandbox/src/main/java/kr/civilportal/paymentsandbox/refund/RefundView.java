package kr.civilportal.paymentsandbox.refund;

import java.time.Instant;

/** A refund as the API answers it, and as it is listed in its payment's {@code refunds}. */
public record RefundView(String refundId, String paymentId, long amount, String reason, String state,
                         Instant createdAt) {

    public static RefundView of(Refund r) {
        return new RefundView(r.id, r.paymentId, r.amount, r.reason, r.state, r.createdAt);
    }
}
