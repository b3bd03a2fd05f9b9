package kr.civilportal.land.ownerchange;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import kr.civilportal.land.owner.OwnerChangeCause;
import kr.civilportal.land.owner.OwnerChangeRequest;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A citizen's request to record a change of owner on the land register (소유자 변동 신청), waiting in the land
 * officers' queue until one approves it (the change is then appended to the parcel's owner history) or rejects it
 * with a reason. Flyway V7.
 */
@Entity
@Table(name = "owner_change_filing")
public class OwnerChangeFiling extends PanacheEntityBase {

    public enum Status {
        /** 접수: waiting for an officer's decision. */
        RECEIVED,
        /** 처리 완료: recorded in the owner history. */
        APPROVED,
        /** 반려. */
        REJECTED
    }

    @Id
    public UUID id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 19)
    public String pnu;

    /** Personal data: masked for the filer, in full for land officers, never logged. */
    @Column(name = "owner_name", nullable = false)
    public String ownerName;

    @Column(name = "share_numerator", nullable = false)
    public int shareNumerator;

    @Column(name = "share_denominator", nullable = false)
    public int shareDenominator;

    @Column(name = "changed_on", nullable = false)
    public LocalDate changedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OwnerChangeCause cause;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    /** Personal data (the filer's login name): shown to land officers only. */
    @Column(name = "filer_name", nullable = false)
    public String filerName;

    /** The filer's resident id (their token's claim), whom to tell of the decision; null when it had none. */
    @Column(name = "filer_resident_id")
    public UUID filerResidentId;

    /** The new owner's name was the filer's own: an approval records the filer's resident id as the owner's. */
    @Column(name = "files_for_self", nullable = false)
    public boolean filesForSelf;

    @Column(name = "office_id")
    public String officeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "holder_subject")
    public String holderSubject;

    @Column(name = "holder_name")
    public String holderName;

    @Column(name = "held_since")
    public Instant heldSince;

    /** 담당 인계: whom the current holder took it over from, and why (cleared when it is let go or decided). */
    @Column(name = "taken_over_from")
    public String takenOverFrom;

    @Column(name = "takeover_reason")
    public String takeoverReason;

    /** 배정: the officer who assigned it to its holder (cleared when it is let go, taken over or decided). */
    @Column(name = "assigned_by")
    public String assignedBy;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "owner_change_seq")
    public Integer ownerChangeSeq;

    String share() {
        return shareNumerator + "/" + shareDenominator;
    }

    /** What an approval appends to the owner history: what the filer asked for. */
    OwnerChangeRequest asOwnerChange() {
        return new OwnerChangeRequest(ownerName, share(), changedOn, cause);
    }
}
