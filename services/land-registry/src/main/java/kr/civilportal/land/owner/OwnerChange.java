package kr.civilportal.land.owner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import kr.civilportal.land.pnu.Pnu;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One entry of a parcel's owner history (소유자 변동 이력). Entries are only ever added (the table refuses
 * updates and deletes): a change of owner is a new entry with the next {@code seq}.
 */
@Entity
@Table(name = "owner_change")
@IdClass(OwnerChange.Key.class)
public class OwnerChange extends PanacheEntityBase {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 19)
    public String pnu;

    @Id
    public int seq;

    /** Personal data: masked for all but land officers, never logged. */
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

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /**
     * The owner's resident id when the portal knows it (null otherwise): whom to tell of a later change. Never
     * answered by the API.
     */
    @Column(name = "owner_resident_id")
    public java.util.UUID ownerResidentId;

    /** A parcel's history, newest entry first (the order the register lists it in). */
    public static List<OwnerChange> newestFirst(Pnu pnu) {
        return list("from OwnerChange o where o.pnu = ?1 order by o.seq desc", pnu.value());
    }

    public OwnerView view() {
        return new OwnerView(seq, ownerName, shareNumerator + "/" + shareDenominator, changedOn, cause,
                cause.nameKo(), recordedAt);
    }

    /** Primary key (pnu, seq). */
    public static class Key implements Serializable {
        public String pnu;
        public int seq;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && seq == k.seq && Objects.equals(pnu, k.pnu);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pnu, seq);
        }
    }
}
