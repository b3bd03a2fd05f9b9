package kr.civilportal.passport.holder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One take-over of a held case (담당 인계), in the append-only log (Flyway V11). */
@Entity
@Table(name = "passport_holder_takeover")
public class HolderTakeover extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "from_officer", nullable = false, length = 100)
    public String fromOfficer;

    @Column(name = "to_officer", nullable = false, length = 100)
    public String toOfficer;

    @Column(nullable = false, length = 200)
    public String reason;

    @Column(name = "taken_at", nullable = false)
    public Instant takenAt;

    static HolderTakeover of(UUID applicationId, String from, String to, String reason, Instant at) {
        HolderTakeover t = new HolderTakeover();
        t.id = UUID.randomUUID();
        t.applicationId = applicationId;
        t.fromOfficer = from;
        t.toOfficer = to;
        t.reason = reason;
        t.takenAt = at;
        return t;
    }
}
