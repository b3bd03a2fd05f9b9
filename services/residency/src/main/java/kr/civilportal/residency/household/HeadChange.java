package kr.civilportal.residency.household;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A change of household head (세대주 변경신고): filed by the head, naming a member as the new head with every other
 * member's relation to them; applied at the new head's consent. A row is history (Flyway V18): it ends once and is
 * never deleted.
 */
@Entity
@Table(name = "household_head_change")
public class HeadChange extends PanacheEntityBase {

    /** Where a change stands; only {@link #AWAITING_NEW_HEAD} is open. */
    public enum Status {
        AWAITING_NEW_HEAD, // 새 세대주의 동의 대기
        APPLIED,           // 반영 (새 세대주 동의)
        REFUSED,           // 새 세대주 미동의
        WITHDRAWN,         // 신고인 취하
        CANCELLED          // 취소: the household changed before the consent
    }

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false, updatable = false)
    public UUID householdId;

    /** The head who filed (신고인, the old head). */
    @Column(name = "filer_id", nullable = false, updatable = false)
    public UUID filerId;

    /** The member named as the new head (새 세대주). */
    @Column(name = "new_head_id", nullable = false, updatable = false)
    public UUID newHeadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status;

    @Column(name = "filed_at", nullable = false, updatable = false)
    public OffsetDateTime filedAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    /** The new head, once they consented and the change was applied. */
    @Column(name = "consented_by")
    public UUID consentedBy;
}
