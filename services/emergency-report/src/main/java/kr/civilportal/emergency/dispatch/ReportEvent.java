package kr.civilportal.emergency.dispatch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A time-stamped step of a report's handling. Append-only: rows are never changed. */
@Entity
@Table(name = "report_event")
public class ReportEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public EventKind kind;

    @Column(nullable = false, columnDefinition = "timestamptz")
    public Instant at;

    /** The dispatcher's user name; null for the reporter. */
    @Column(length = 100)
    public String actor;

    /** The unit, the note, the outcome: what the step was about. */
    @Column(columnDefinition = "text")
    public String detail;

    public static ReportEvent of(UUID reportId, EventKind kind, Instant at, String actor, String detail) {
        ReportEvent e = new ReportEvent();
        e.reportId = reportId;
        e.kind = kind;
        e.at = at;
        e.actor = actor;
        e.detail = detail;
        return e;
    }
}
