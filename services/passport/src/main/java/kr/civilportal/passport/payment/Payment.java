package kr.civilportal.passport.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One payment of an application's fee at the provider. No card data: the provider's payment id, the amount, and once
 * paid the approval number (승인번호) and a masked card summary (brand and last four digits).
 */
@Entity
@Table(name = "passport_payment")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    /** The n of the provider's Idempotency-Key {@code passport-<applicationId>-<n>}. */
    @Column(nullable = false)
    public int attempt;

    @Column(name = "provider_payment_id", nullable = false, length = 64)
    public String providerPaymentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public PaymentState state;

    @Column(name = "amount_krw", nullable = false)
    public int amountKrw;

    @Column(name = "next_url", nullable = false, length = 500)
    public String nextUrl;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "approval_number", length = 16)
    public String approvalNumber;

    @Column(name = "card_summary", length = 40)
    public String cardSummary;

    /** The citizen can still pay it: created and not expired. */
    public boolean isOpen(Instant now) {
        return state == PaymentState.CREATED && expiresAt.isAfter(now);
    }

    public static List<Payment> ofApplication(UUID applicationId) {
        return Payment.<Payment>find("applicationId = ?1 ORDER BY attempt", applicationId).list();
    }

    public static Payment byProviderId(String providerPaymentId) {
        return Payment.<Payment>find("providerPaymentId", providerPaymentId).firstResult();
    }
}
