package kr.civilportal.passport.photo;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One officer's read of an applicant's record (열람 기록): the photo (사진), or since V16 a document of a 보완 answer.
 * {@link Immutable}: Hibernate never updates it, and the table's trigger refuses an UPDATE (and a DELETE within two
 * years) whoever sends it.
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

    /** What was read (V16; rows from before, and a previous replica's, are photo reads by the column's default). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    public What what = What.PHOTO;

    /** The 보완 document read; null for a photo read. */
    @Column(name = "document_id", updatable = false)
    public UUID documentId;

    /** What an entry records the read of. */
    public enum What {
        PHOTO,
        SUPPLEMENT_DOCUMENT
    }

    /** An officer's download of a 보완 document, logged in the download's transaction. */
    public static void documentRead(UUID applicationId, UUID documentId, String official, String reason, Instant at) {
        PhotoRead read = new PhotoRead();
        read.applicationId = applicationId;
        read.what = What.SUPPLEMENT_DOCUMENT;
        read.documentId = documentId;
        read.official = official;
        read.reason = reason;
        read.readAt = at;
        read.persist();
    }

    /** As the applicant lists it. */
    PhotoReadView view() {
        return new PhotoReadView(applicationId, readAt, official, reason, what, documentId);
    }
}
