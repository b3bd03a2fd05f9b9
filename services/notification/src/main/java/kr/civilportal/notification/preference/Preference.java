package kr.civilportal.notification.preference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A citizen's notification choices; the e-mail address only as its ciphertext ({@link EmailCipher}). */
@Entity
@Table(name = "preference")
public class Preference extends PanacheEntityBase {

    @Id
    @Column(name = "resident_id")
    public UUID residentId;
    @Column(nullable = false)
    public String language;
    @Column(name = "email_sealed")
    public byte[] emailSealed;
    @Column(name = "email_enabled", nullable = false)
    public boolean emailEnabled;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
