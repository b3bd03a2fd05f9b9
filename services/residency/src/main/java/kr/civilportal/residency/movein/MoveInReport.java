package kr.civilportal.residency.movein;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import kr.civilportal.residency.resident.RelationToHead;

/** A move-in report (전입신고): a petition that an officer approves or rejects. */
@Entity
@Table(name = "move_in_report")
public class MoveInReport extends PanacheEntityBase {

    public enum Mode {
        NEW_HOUSEHOLD,  // 세대 구성: the mover becomes the head of a new household at the address
        JOIN_HOUSEHOLD  // 세대 합가: the mover joins an existing household at its address
    }

    public enum Status {
        AWAITING_HEAD, // 세대주 동의 대기: a JOIN waits for the head's consent before any officer sees it
        SUBMITTED,     // 접수: waiting for an officer's decision
        SUPPLEMENT_REQUESTED, // 보완요청: waiting for the filer's supplement (out of the officers' queue)
        APPROVED,      // 처리 완료
        REJECTED,      // 반려 (by the officer, or the head declined)
        WITHDRAWN;     // 취하: the filer took it back before a decision

        boolean open() {
            return this == AWAITING_HEAD || this == SUBMITTED || this == SUPPLEMENT_REQUESTED;
        }

        /** Reached the officers and not yet decided: waiting for them, or for the filer's supplement. */
        boolean undecided() {
            return this == SUBMITTED || this == SUPPLEMENT_REQUESTED;
        }
    }

    @Id
    public UUID id;

    @Column(name = "resident_id", nullable = false)
    public UUID residentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Mode mode;

    /** A JOIN's address is the household's, copied only at approval: the joiner learns nothing before. */
    @Column(length = 300)
    public String address;

    @Column(name = "moved_in_on", nullable = false)
    public LocalDate movedInOn;

    /** Set when the head consents to a JOIN. */
    @Column(name = "target_household_id")
    public UUID targetHouseholdId;

    /** The head a JOIN asked for consent; null when the number named no head (the filer is not told). */
    @Column(name = "head_resident_id")
    public UUID headResidentId;

    @Column(name = "head_answered_at")
    public OffsetDateTime headAnsweredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "relation_to_head", nullable = false, length = 20)
    public RelationToHead relationToHead;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status;

    @Column(name = "rejection_reason", length = 500)
    public String rejectionReason;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decided_by", length = 100)
    public String decidedBy;

    /** The office that decides it (관할 기관); null: every officer's (see V6). */
    @Column(name = "office_id", length = 40)
    public String officeId;

    /** 담당자: the officer who holds it (the token's subject); null: nobody (see {@link MoveInHolding}). */
    @Column(name = "holder_subject", length = 64)
    public String holderSubject;

    /** The holder's user name, as other officers are shown it. */
    @Column(name = "holder_name", length = 100)
    public String holderName;

    @Column(name = "held_since")
    public OffsetDateTime heldSince;

    /** 담당 인계: the officer (user name) the holder took the report over from; null when it was taken free. */
    @Column(name = "taken_over_from", length = 100)
    public String takenOverFrom;

    /** Why it was taken over; null when it was taken free. */
    @Column(name = "takeover_reason", length = 200)
    public String takeoverReason;

    /** 배정: the officer (user name) who assigned it to its holder; null when the holder took it (cleared with it). */
    @Column(name = "assigned_by", length = 100)
    public String assignedBy;

    /** 우편번호 of a new household's address, from the register; null for a JOIN and reports filed before V13. */
    @Column(name = "postal_code", length = 5)
    public String postalCode;

    /** 행정동코드 of a new household's address, from the register (null as {@link #postalCode}). */
    @Column(name = "administrative_dong_code", length = 10)
    public String administrativeDongCode;

    /** 행정동명 of a new household's address, from the register (null as {@link #postalCode}). */
    @Column(name = "administrative_dong", length = 40)
    public String administrativeDong;

    /** 처리기한, set when the report reaches the queue; null for one queued before V7 (computed when shown). */
    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    /** When the report reached the officers: filed, or for a JOIN the head's consent. Null while it waits for it. */
    OffsetDateTime queuedAt() {
        if (mode == Mode.NEW_HOUSEHOLD) {
            return submittedAt;
        }
        // A JOIN reaches the officers only when the head consents, which names the household joined.
        return targetHouseholdId == null ? null : headAnsweredAt;
    }
}
