package kr.civilportal.paymentsandbox.refund;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kr.civilportal.paymentsandbox.Ids;
import kr.civilportal.paymentsandbox.payment.Payment;
import kr.civilportal.paymentsandbox.payment.PaymentState;
import kr.civilportal.paymentsandbox.payment.Payments;
import kr.civilportal.paymentsandbox.problem.ProblemException;
import kr.civilportal.paymentsandbox.webhook.WebhookOutbox;
import org.jboss.logging.Logger;

/**
 * Refunds of paid payments. The payment row is locked first, so two refunds of one payment never both take the
 * same remaining amount; the refund, the payment's refunded amount and the {@code refund.succeeded} event commit
 * together.
 */
@ApplicationScoped
public class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class);

    private final Payments payments;
    private final WebhookOutbox outbox;

    Refunds(Payments payments, WebhookOutbox outbox) {
        this.payments = payments;
        this.outbox = outbox;
    }

    public record Outcome(RefundView refund, boolean created) {
    }

    @Transactional
    public Outcome refund(String paymentId, String idempotencyKey, RefundRequest request) {
        request.validate();
        Payment payment = payments.lock(paymentId);
        Refund earlier = Refund.find("paymentId = ?1 and idempotencyKey = ?2", paymentId, idempotencyKey)
                .firstResult();
        if (earlier != null) {
            if (!request.sameAs(earlier)) {
                throw ProblemException.keyReused();
            }
            return new Outcome(RefundView.of(earlier), false);
        }
        if (payment.state != PaymentState.SUCCEEDED) {
            throw ProblemException.conflict("payment-not-refundable", "Only a paid (SUCCEEDED) payment can be refunded;"
                    + " this one is " + payment.state, "결제 완료된 건만 환불할 수 있습니다");
        }
        long amount = request.amount().longValueExact();
        long left = payment.amount - payment.refundedAmount;
        if (amount > left) {
            throw ProblemException.conflict("refund-exceeds-payment", "The amount is more than is left to refund ("
                    + left + ")", "환불 가능 금액(" + left + "원)을 넘었습니다");
        }
        Refund refund = new Refund();
        refund.id = Ids.next("rfd_");
        refund.paymentId = paymentId;
        refund.idempotencyKey = idempotencyKey;
        refund.amount = amount;
        refund.reason = request.reason();
        refund.state = Refund.SUCCEEDED;
        refund.createdAt = Payments.now();
        refund.persist();
        payment.refundedAmount += amount;
        outbox.record("refund.succeeded", payments.view(payment));
        LOG.infof("Refund %s of %d on payment %s", refund.id, amount, paymentId);
        return new Outcome(RefundView.of(refund), true);
    }
}
