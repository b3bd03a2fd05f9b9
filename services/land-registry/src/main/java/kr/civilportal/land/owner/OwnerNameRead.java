package kr.civilportal.land.owner;

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
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One land officer's read of a parcel's owners in full (소유자 정보 열람 기록). {@link Immutable}: Hibernate never
 * updates it, and the table's trigger refuses an UPDATE (and a DELETE within two years) whoever sends it.
 */
@Entity
@Immutable
@Table(name = "owner_name_read")
public class OwnerNameRead extends PanacheEntityBase {

    /** What the officer was doing when the names reached them (수행업무). */
    public enum Action {
        READ_OWNERS,        // 토지대장 조회: the parcel with its owner history
        ISSUE_EXTRACT,      // 토지대장 등본 발급 (담당자용, names in full)
        DOWNLOAD_EXTRACT    // 토지대장 등본 재내려받기 (names in full)
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 19, updatable = false)
    public String pnu;

    /** The officer's user name, as the other services' read logs name officials. */
    @Column(nullable = false, length = 100, updatable = false)
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
