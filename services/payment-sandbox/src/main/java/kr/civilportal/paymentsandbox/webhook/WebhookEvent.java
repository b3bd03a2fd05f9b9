package kr.civilportal.paymentsandbox.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change to tell the portal about (the outbox row), with where its delivery stands. */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "payment_id")
    public String paymentId;
    public String type;
    @Column(name = "created_at")
    public Instant createdAt;
    /** The JSON sent, byte for byte, on every attempt. */
    public String body;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "last_status")
    public Integer lastStatus;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "parked_at")
    public Instant parkedAt;

    public String deliveryState() {
        return deliveredAt != null ? "DELIVERED" : parkedAt != null ? "PARKED" : "PENDING";
    }
}
