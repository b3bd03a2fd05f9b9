package kr.civilportal.passport.supplement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.civilportal.documents.UploadedDocumentCheck;

/**
 * A document sent with a 보완 answer (보완 서류, Flyway V16): its display name, type by content, size and digest in the
 * clear, its bytes sealed ({@link SupplementDocumentCipher}). History, as its answer: written once (the table's trigger
 * refuses anything else but re-sealing).
 */
@Entity
@Table(name = "passport_supplement_document")
public class SupplementDocument extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The answer ({@link SupplementAnswer}) that carried it. */
    @Column(name = "answer_id", nullable = false, updatable = false)
    public UUID answerId;

    /** 0-based, in the order the applicant sent them. */
    @Column(nullable = false, updatable = false)
    public short position;

    @Column(name = "file_name", nullable = false, updatable = false, length = UploadedDocumentCheck.NAME_LENGTH)
    public String fileName;

    @Column(name = "media_type", nullable = false, updatable = false, length = 30)
    public String mediaType;

    /** The plaintext's size. */
    @Column(name = "byte_size", nullable = false, updatable = false)
    public int byteSize;

    /** SHA-256 of the plaintext, hex. */
    @Column(nullable = false, updatable = false, length = 64)
    public String sha256;

    @Column(name = "key_id", nullable = false, length = 64)
    public String keyId;

    /** IV, ciphertext and tag. */
    @Column(nullable = false)
    public byte[] ciphertext;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** The documents of these answers as views list them, without their bytes, in the order sent. */
    static List<SupplementDocumentView> listedFor(List<UUID> answers) {
        if (answers.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select new kr.civilportal.passport.supplement.SupplementDocumentView("
                        + "d.answerId, d.id, d.fileName, d.mediaType, d.byteSize) from SupplementDocument d"
                        + " where d.answerId in :answers order by d.answerId, d.position",
                SupplementDocumentView.class).setParameter("answers", answers).getResultList();
    }
}
