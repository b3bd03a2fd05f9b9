package kr.civilportal.paymentsandbox.payment;

import java.time.Instant;
import java.util.List;
import kr.civilportal.paymentsandbox.refund.RefundView;

/** The Payment as the API answers it and as every webhook event carries it. */
public record PaymentView(String paymentId, PaymentState state, long amount, String currency, String reference,
                          String description, String returnUrl, String nextUrl, Instant createdAt, Instant expiresAt,
                          Instant paidAt, String approvalNumber, String cardSummary, long refundedAmount,
                          List<RefundView> refunds) {

    static PaymentView of(Payment p, List<RefundView> refunds, String publicUrl) {
        return new PaymentView(p.id, p.state, p.amount, p.currency, p.reference, p.description, p.returnUrl,
                nextUrl(publicUrl, p.id), p.createdAt, p.expiresAt, p.paidAt, p.approvalNumber, p.cardSummary,
                p.refundedAmount, refunds);
    }

    static String nextUrl(String publicUrl, String paymentId) {
        return (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl)
                + "/pay/" + paymentId;
    }
}
