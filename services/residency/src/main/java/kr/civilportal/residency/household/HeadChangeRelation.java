package kr.civilportal.residency.household;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import kr.civilportal.residency.resident.RelationToHead;
import org.hibernate.annotations.Immutable;

/**
 * One member on a head change: their relation to the head before, and the one filed (to the new head; the new head's
 * own row says {@code HEAD}). {@link Immutable}: the database refuses any change to it, as history.
 */
@Entity
@Immutable
@Table(name = "household_head_change_relation")
@IdClass(HeadChangeRelation.Key.class)
public class HeadChangeRelation extends PanacheEntityBase {

    /** The composite key: one row per change and resident. */
    public static class Key implements Serializable {
        public UUID changeId;
        public UUID residentId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(changeId, k.changeId) && Objects.equals(residentId, k.residentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(changeId, residentId);
        }
    }

    @Id
    @Column(name = "change_id")
    public UUID changeId;

    @Id
    @Column(name = "resident_id")
    public UUID residentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "relation_before", nullable = false, length = 20)
    public RelationToHead before;

    @Enumerated(EnumType.STRING)
    @Column(name = "relation_after", nullable = false, length = 20)
    public RelationToHead after;

    /** As filed: the new head first, then the relations in the filer's order. */
    @Column(nullable = false)
    public int position;

    static HeadChangeRelation of(UUID changeId, UUID residentId, RelationToHead before, RelationToHead after,
                                 int position) {
        HeadChangeRelation r = new HeadChangeRelation();
        r.changeId = changeId;
        r.residentId = residentId;
        r.before = before;
        r.after = after;
        r.position = position;
        return r;
    }

    static List<HeadChangeRelation> of(UUID changeId) {
        return list("changeId = ?1 order by position", changeId);
    }
}
