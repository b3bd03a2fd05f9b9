package kr.civilportal.passport.holder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One assignment of an application to an officer (배정), in the append-only log (Flyway V12). */
@Entity
@Table(name = "passport_holder_assignment")
public class HolderAssignment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "by_officer", nullable = false, length = 100)
    public String byOfficer;

    @Column(name = "to_officer", nullable = false, length = 100)
    public String toOfficer;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    static HolderAssignment of(UUID applicationId, String by, String to, Instant at) {
        HolderAssignment a = new HolderAssignment();
        a.id = UUID.randomUUID();
        a.applicationId = applicationId;
        a.byOfficer = by;
        a.toOfficer = to;
        a.assignedAt = at;
        return a;
    }
}
