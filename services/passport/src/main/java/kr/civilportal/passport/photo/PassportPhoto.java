package kr.civilportal.passport.photo;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The photo of one application (여권 사진); a new upload replaces the old one. */
@Entity
@Table(name = "passport_photo")
public class PassportPhoto extends PanacheEntityBase {

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, columnDefinition = "bytea")
    public byte[] content;

    @Column(name = "width_px", nullable = false)
    public int width;

    @Column(name = "height_px", nullable = false)
    public int height;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
