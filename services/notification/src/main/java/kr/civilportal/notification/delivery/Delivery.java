package kr.civilportal.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One notification of one event to one recipient over one channel; unique by (event, recipient, channel). */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(nullable = false)
    public UUID recipient;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryState state;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    @Column(nullable = false)
    public String source;
    @Column(name = "petition_id", nullable = false)
    public String petitionId;
    @Column(nullable = false)
    public String language;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public String body;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    /** A destination fixed at intake (119's call-back number), sealed and bound to this id; null: the preference. */
    @Column(name = "address_sealed")
    public byte[] addressSealed;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
