package kr.civilportal.land.extract;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An issued extract of the land register (토지대장 등본): what it attested and when, never changed. */
@Entity
@Table(name = "land_extract")
public class LandExtract extends PanacheEntityBase {

    /** 문서확인번호 as printed, {@code 1234-5678-9012-3452}. */
    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "issuance_number", length = 19)
    public String issuanceNumber;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 19, nullable = false)
    public String pnu;

    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;

    /** Token subject of the requester. */
    @Column(name = "issued_to", nullable = false)
    public String issuedTo;

    /** Canonical JSON of {@link ExtractData}. */
    @Column(name = "attested_data", nullable = false)
    public String attestedData;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "content_hash", length = 64, nullable = false)
    public String contentHash;

    /**
     * The PDF's detached CMS signature with its time stamp (PAdES B-T): put back on the extract rendered again, it
     * gives the issued file byte for byte. Null for extracts issued before documents were signed.
     */
    @Column(name = "signature")
    public byte[] signature;
}
