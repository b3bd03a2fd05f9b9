package kr.civilportal.land.ownerchange;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One assignment of an owner-change request to an officer (배정), in the append-only log (Flyway V9). */
@Entity
@Table(name = "owner_change_filing_assignment")
public class FilingAssignment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "filing_id", nullable = false)
    public UUID filingId;

    @Column(name = "by_officer", nullable = false)
    public String byOfficer;

    @Column(name = "to_officer", nullable = false)
    public String toOfficer;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    static FilingAssignment of(UUID filingId, String by, String to, Instant at) {
        FilingAssignment a = new FilingAssignment();
        a.id = UUID.randomUUID();
        a.filingId = filingId;
        a.byOfficer = by;
        a.toOfficer = to;
        a.assignedAt = at;
        return a;
    }
}
