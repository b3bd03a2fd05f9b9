package kr.civilportal.paymentsandbox.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One payment the portal asked for. Holds no card data but the brand and last four digits (cardSummary). */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    public long amount;
    public String currency;
    public String reference;
    public String description;
    @Column(name = "return_url")
    public String returnUrl;
    @Enumerated(EnumType.STRING)
    public PaymentState state;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(name = "approval_number")
    public String approvalNumber;
    @Column(name = "card_summary")
    public String cardSummary;
    /** When it was cancelled or expired. */
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "refunded_amount")
    public long refundedAmount;

    /** Whether a create sent again with this payment's key asked for the same thing. */
    boolean sameRequest(PaymentRequest request) {
        return amount == request.amount().longValueExact() && Objects.equals(currency, request.currency())
                && Objects.equals(reference, request.reference())
                && Objects.equals(description, request.description())
                && Objects.equals(returnUrl, request.returnUrl());
    }

    /** Still open but past its deadline: it reads, and becomes, EXPIRED. */
    boolean overdue(Instant now) {
        return state == PaymentState.CREATED && !now.isBefore(expiresAt);
    }
}
