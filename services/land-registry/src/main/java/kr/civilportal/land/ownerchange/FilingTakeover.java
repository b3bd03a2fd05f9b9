package kr.civilportal.land.ownerchange;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One take-over of a held owner-change request (담당 인계), in the append-only log (Flyway V8). */
@Entity
@Table(name = "owner_change_filing_takeover")
public class FilingTakeover extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "filing_id", nullable = false)
    public UUID filingId;

    @Column(name = "from_officer", nullable = false)
    public String fromOfficer;

    @Column(name = "to_officer", nullable = false)
    public String toOfficer;

    @Column(nullable = false)
    public String reason;

    @Column(name = "taken_at", nullable = false)
    public Instant takenAt;

    static FilingTakeover of(UUID filingId, String from, String to, String reason, Instant at) {
        FilingTakeover t = new FilingTakeover();
        t.id = UUID.randomUUID();
        t.filingId = filingId;
        t.fromOfficer = from;
        t.toOfficer = to;
        t.reason = reason;
        t.takenAt = at;
        return t;
    }
}
