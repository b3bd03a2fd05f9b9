package kr.civilportal.passport.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A full refund of one payment to make (outbox row): inserted in the transaction that decides it (a rejection, a
 * second payment), sent by {@link PaymentRefundJob} with this row's id as the provider's Idempotency-Key.
 */
@Entity
@Table(name = "passport_payment_refund")
public class PaymentRefund extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "payment_id", nullable = false)
    public UUID paymentId;

    @Column(name = "amount_krw", nullable = false)
    public int amountKrw;

    @Column(nullable = false, length = 200)
    public String reason;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    /** Failed calls to the provider so far: the backoff grows with it. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "provider_refund_id", length = 64)
    public String providerRefundId;

    @Column(name = "refunded_at")
    public Instant refundedAt;

    public boolean done() {
        return refundedAt != null;
    }

    public static PaymentRefund ofPayment(UUID paymentId) {
        return PaymentRefund.<PaymentRefund>find("paymentId", paymentId).firstResult();
    }
}
