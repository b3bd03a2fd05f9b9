package kr.civilportal.residency.movein;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import kr.civilportal.documents.UploadedDocumentCheck;

/**
 * A document sent with a 보완 answer (보완 서류, Flyway V16): its display name, type by content, size and digest in the
 * clear, its bytes sealed ({@link SupplementDocumentCipher}). History, as its round: written once (the table's
 * trigger refuses anything else but re-sealing).
 */
@Entity
@Table(name = "move_in_supplement_document")
public class SupplementDocument extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The round of 보완 ({@link MoveInSupplement}) whose answer carried it. */
    @Column(name = "supplement_id", nullable = false, updatable = false)
    public UUID supplementId;

    /** 0-based, in the order the filer sent them. */
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
    public OffsetDateTime createdAt;

    /** The documents of these rounds as views show them, without their bytes, in the order sent. */
    static List<SupplementDocumentView> listedFor(List<UUID> rounds) {
        if (rounds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select new kr.civilportal.residency.movein.SupplementDocumentView("
                        + "d.supplementId, d.id, d.fileName, d.mediaType, d.byteSize) from SupplementDocument d"
                        + " where d.supplementId in :rounds order by d.supplementId, d.position",
                SupplementDocumentView.class).setParameter("rounds", rounds).getResultList();
    }
}
