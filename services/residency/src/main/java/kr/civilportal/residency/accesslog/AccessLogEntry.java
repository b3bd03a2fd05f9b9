package kr.civilportal.residency.accesslog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One read of a resident's record by an official (열람 기록). {@link Immutable}: Hibernate never issues an
 * UPDATE for it, and the database trigger refuses one (and any DELETE within two years) whoever sends it.
 */
@Entity
@Immutable
@Table(name = "access_log")
public class AccessLogEntry extends PanacheEntityBase {

    /** What the official did with the record. */
    public enum Action {
        READ_RECORD,     // 주민등록 열람
        DECIDE_MOVE_IN,  // 전입신고 처리
        IDENTITY_CHECK,  // 본인 확인: another service (passport) checked the resident exists, and read the birth date
        HEAD_CHANGE      // 세대주 변경: the record's relation changed on the new head's consent, no official involved
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "resident_id", nullable = false, updatable = false)
    public UUID residentId;

    @Column(nullable = false, length = 100, updatable = false)
    public String official;

    @Column(nullable = false, length = 40, updatable = false)
    public String role;

    @Column(nullable = false, length = 40, updatable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Action action;

    /** 열람 사유, given by the official. */
    @Column(nullable = false, length = 500, updatable = false)
    public String reason;

    @Column(name = "accessed_at", nullable = false, updatable = false)
    public OffsetDateTime accessedAt;
}
