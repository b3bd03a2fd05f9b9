package kr.civilportal.emergency.phone;

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
import org.hibernate.annotations.Immutable;

/**
 * One dispatcher's read of a reporter's call-back number in full (회신 번호 열람 기록). {@link Immutable}: Hibernate
 * never updates it, and the table's trigger refuses an UPDATE (and a DELETE within two years) whoever sends it.
 */
@Entity
@Immutable
@Table(name = "callback_number_read")
public class CallbackNumberRead extends PanacheEntityBase {

    /** What the dispatcher was doing when the number reached them (수행업무). */
    public enum Action {
        LIST_REPORTS,   // 신고 목록 조회
        READ_REPORT,    // 신고 상세 조회
        DISPATCH_STEP,  // 접수·출동·메모·종결: the step's answer carries the report
        LIVE_BOARD      // 실시간 상황판: the report pushed to the dispatcher's board
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "report_id", nullable = false, updatable = false)
    public UUID reportId;

    /** The dispatcher's user name, as the other services' read logs name officials. */
    @Column(nullable = false, updatable = false)
    public String official;

    @Column(nullable = false, length = 40, updatable = false)
    public String role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40, updatable = false)
    public Action action;

    @Column(nullable = false, length = 500, updatable = false)
    public String reason;

    @Column(name = "read_at", nullable = false, updatable = false)
    public Instant readAt;
}
