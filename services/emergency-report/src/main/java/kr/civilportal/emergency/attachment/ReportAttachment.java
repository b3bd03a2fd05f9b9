package kr.civilportal.emergency.attachment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A photo or video of a report (첨부), stored in the database with the report, in the same transaction. */
@Entity
@Table(name = "report_attachment")
public class ReportAttachment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Column(name = "media_type", nullable = false, length = 40)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public byte[] sha256;

    /** Loaded only when a dispatcher opens the file, never for lists. */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;

    @Column(name = "received_at", nullable = false, columnDefinition = "timestamptz")
    public Instant receivedAt;
}
