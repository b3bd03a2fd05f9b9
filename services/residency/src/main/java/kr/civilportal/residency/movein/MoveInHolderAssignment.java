package kr.civilportal.residency.movein;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One assignment of a move-in report to an officer (배정), in the append-only log (Flyway V9). */
@Entity
@Table(name = "move_in_holder_assignment")
public class MoveInHolderAssignment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Column(name = "by_officer", nullable = false, length = 100)
    public String byOfficer;

    @Column(name = "to_officer", nullable = false, length = 100)
    public String toOfficer;

    @Column(name = "assigned_at", nullable = false)
    public OffsetDateTime assignedAt;

    static MoveInHolderAssignment of(UUID reportId, String by, String to, OffsetDateTime at) {
        MoveInHolderAssignment a = new MoveInHolderAssignment();
        a.id = UUID.randomUUID();
        a.reportId = reportId;
        a.byOfficer = by;
        a.toOfficer = to;
        a.assignedAt = at;
        return a;
    }
}
