package kr.civilportal.residency.certificate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * An issued certificate (발급 증명서): what it attests (canonical JSON, numbers masked) and the SHA-256 of it,
 * and the PDF's detached signature. The PDF is not stored: it is rendered from these data and the kept signature
 * put back on it (the issued file again, byte for byte), so no unmasked number is ever at rest in the clear; the
 * signature holds none (a digest, certificates, the signature value and the time stamp).
 */
@Entity
@Immutable
public class Certificate extends PanacheEntityBase {

    /** 문서확인번호, in its printed form {@code 1234-5678-9012-3452}. */
    @Id
    @Column(name = "issuance_number", length = 19)
    public String issuanceNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public CertificateKind kind;

    @Column(name = "resident_id", nullable = false)
    public UUID residentId;

    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;

    @Column(name = "include_former_addresses", nullable = false)
    public boolean includeFormerAddresses;

    @Column(name = "show_back_digits", nullable = false)
    public boolean showBackDigits;

    @Column(name = "attested_data", nullable = false, columnDefinition = "text")
    public String attestedData;

    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    /** The CMS signature with its time stamp (PAdES B-T); null for certificates issued before documents were signed. */
    @Column(name = "signature")
    public byte[] signature;
}
