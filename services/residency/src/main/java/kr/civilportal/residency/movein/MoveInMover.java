package kr.civilportal.residency.movein;

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
import java.util.UUID;
import kr.civilportal.residency.resident.RelationToHead;

/** A member of the filer's household who moves with them on a report (동반 전입자), and their relation there. */
@Entity
@Table(name = "move_in_mover")
@IdClass(MoveInMover.Key.class)
public class MoveInMover extends PanacheEntityBase {

    /** The composite key: one row per report and resident. */
    public static class Key implements Serializable {
        public UUID reportId;
        public UUID residentId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(reportId, k.reportId)
                    && java.util.Objects.equals(residentId, k.residentId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(reportId, residentId);
        }
    }

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Id
    @Column(name = "resident_id")
    public UUID residentId;

    /** Their relation to the head at the new address (세대주와의 관계), as decided at filing (see HouseholdMove). */
    @Enumerated(EnumType.STRING)
    @Column(name = "relation_to_head", nullable = false, length = 20)
    public RelationToHead relationToHead;

    /** Position in the filer's list, so that the report shows them as named. */
    @Column(nullable = false)
    public int position;

    static MoveInMover of(UUID reportId, UUID residentId, RelationToHead relation, int position) {
        MoveInMover m = new MoveInMover();
        m.reportId = reportId;
        m.residentId = residentId;
        m.relationToHead = relation;
        m.position = position;
        return m;
    }

    static List<MoveInMover> of(UUID reportId) {
        return list("reportId = ?1 order by position", reportId);
    }
}
