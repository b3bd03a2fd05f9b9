package kr.civilportal.residency.movein;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One take-over of a held move-in report (담당 인계), in the append-only log (Flyway V8). */
@Entity
@Table(name = "move_in_holder_takeover")
public class MoveInHolderTakeover extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Column(name = "from_officer", nullable = false, length = 100)
    public String fromOfficer;

    @Column(name = "to_officer", nullable = false, length = 100)
    public String toOfficer;

    @Column(nullable = false, length = 200)
    public String reason;

    @Column(name = "taken_at", nullable = false)
    public OffsetDateTime takenAt;

    static MoveInHolderTakeover of(UUID reportId, String from, String to, String reason, OffsetDateTime at) {
        MoveInHolderTakeover t = new MoveInHolderTakeover();
        t.id = UUID.randomUUID();
        t.reportId = reportId;
        t.fromOfficer = from;
        t.toOfficer = to;
        t.reason = reason;
        t.takenAt = at;
        return t;
    }
}
