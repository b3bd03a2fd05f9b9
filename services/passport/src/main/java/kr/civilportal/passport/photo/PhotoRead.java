package kr.civilportal.passport.photo;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One officer's read of an applicant's photo (사진 열람 기록). {@link Immutable}: Hibernate never updates it, and
 * the table's trigger refuses an UPDATE (and a DELETE within two years) whoever sends it.
 */
@Entity
@Immutable
@Table(name = "passport_photo_read")
public class PhotoRead extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    /** The officer's user name ({@code preferred_username}, see Officials), as the other read logs name officials. */
    @Column(nullable = false, length = 100, updatable = false)
    public String official;

    /** 열람 사유, as the officer gave it. */
    @Column(nullable = false, length = 500, updatable = false)
    public String reason;

    @Column(name = "read_at", nullable = false, updatable = false)
    public Instant readAt;
}
