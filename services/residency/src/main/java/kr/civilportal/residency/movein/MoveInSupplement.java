package kr.civilportal.residency.movein;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One round of 보완 (supplement) of a move-in report (Flyway V10): what an officer asked for and until when, and the
 * filer's answer or the lapse of the deadline. History: the request never changes, the answer or lapse is written once
 * (the table's trigger refuses anything else).
 */
@Entity
@Table(name = "move_in_supplement")
public class MoveInSupplement extends PanacheEntityBase {

    /** The longest "what is missing" an officer writes (the column's size). */
    public static final int WHAT_LENGTH = 500;
    /** The longest answer a filer writes (the column's size): a few sentences, documents come separately. */
    public static final int ANSWER_LENGTH = 1000;

    @Id
    public UUID id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    /** 보완 요청 사항: what is missing. */
    @Column(nullable = false, length = WHAT_LENGTH)
    public String what;

    /** 보완 기한: a day in Korea; the filer may answer until it ends. */
    @Column(nullable = false)
    public LocalDate deadline;

    /** The requesting officer's user name. */
    @Column(name = "requested_by", nullable = false, length = 100)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    /** 보완 답변: the filer's answer; null until answered. */
    @Column(length = ANSWER_LENGTH)
    public String answer;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    /** When the deadline job rejected the report for want of an answer. */
    @Column(name = "lapsed_at")
    public OffsetDateTime lapsedAt;

    static MoveInSupplement of(UUID reportId, String what, LocalDate deadline, String officer, OffsetDateTime at) {
        MoveInSupplement s = new MoveInSupplement();
        s.id = UUID.randomUUID();
        s.reportId = reportId;
        s.what = what;
        s.deadline = deadline;
        s.requestedBy = officer;
        s.requestedAt = at;
        return s;
    }

    /** Still waiting for the filer: neither answered nor lapsed. */
    boolean open() {
        return answeredAt == null && lapsedAt == null;
    }
}
