package kr.civilportal.residency.movein;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import kr.civilportal.residency.resident.RelationToHead;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A move-in report as its filer and the officers see it. No registration number appears in it, and a filer's
 * report joining a household shows no address until it is approved: before that, it would tell the filer where
 * the owner of the number they typed lives (nor which office decides it: that names the 시·군·구).
 * {@code office} is the deciding office's id (관할 기관), {@code officeName} its name; both null when the report
 * is every officer's. {@code holder} (담당자) is shown to officers only; {@code dueAt} (처리기한) to both, once the
 * report has reached the officers, and {@code overdue} says it is still undecided past it. {@code supplements} are
 * the rounds of 보완 asked for, oldest first (what, until when, the answer); while one is open the status is
 * SUPPLEMENT_REQUESTED, the 처리기한 stands still (moved on by the time waited once answered) and it is not overdue.
 * {@code moverCount} is how many people the report moves, the filer included; {@code movers} the others, by masked
 * name and their relation to the head at the new address (this view is the filer's and the officers' only).
 * {@code postalCode} and {@code administrativeDong} (행정동) are the road-name register's for a new household's
 * address; null for a JOIN and for reports filed before the register.
 */
public record MoveInView(UUID id, UUID residentId, String residentName, MoveInReport.Mode mode, String address,
                         LocalDate movedInOn, RelationToHead relationToHead, MoveInReport.Status status,
                         String rejectionReason, OffsetDateTime submittedAt, OffsetDateTime decidedAt,
                         String office, String officeName,
                         @JsonInclude(JsonInclude.Include.NON_NULL) MoveInHolder holder,
                         @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime dueAt,
                         boolean overdue, List<MoveInSupplementView> supplements, int moverCount,
                         List<Mover> movers,
                         @Schema(description = "우편번호 of the new address (register)", examples = "03925")
                         String postalCode,
                         @Schema(description = "행정동 of the new address (register)", examples = "상암동")
                         String administrativeDong) {

    /** One who moves with the filer: name masked (as portal-common masks names), never a number. */
    public record Mover(@Schema(examples = "박*호") String name, RelationToHead relationToHead) {
    }

    static MoveInView of(MoveInReport r, String residentName, String officeName, OffsetDateTime dueAt,
                         OffsetDateTime now, List<MoveInSupplementView> supplements, List<Mover> movers) {
        boolean addressIsTheirs = r.mode == MoveInReport.Mode.NEW_HOUSEHOLD || r.status == MoveInReport.Status.APPROVED;
        return addressIsTheirs
                ? new MoveInView(r.id, r.residentId, residentName, r.mode, r.address, r.movedInOn, r.relationToHead,
                        r.status, r.rejectionReason, r.submittedAt, r.decidedAt, r.officeId, officeName, null, dueAt,
                        overdue(r, dueAt, now), supplements, movers.size() + 1, movers, r.postalCode,
                        r.administrativeDong)
                : new MoveInView(r.id, r.residentId, residentName, r.mode, null, r.movedInOn, r.relationToHead,
                        r.status, r.rejectionReason, r.submittedAt, r.decidedAt, null, null, null, dueAt,
                        overdue(r, dueAt, now), supplements, movers.size() + 1, movers, null, null);
    }

    static MoveInView forOfficer(MoveInReport r, String residentName, String address, String officeName,
                                 OffsetDateTime dueAt, OffsetDateTime now, List<MoveInSupplementView> supplements,
                                 List<Mover> movers) {
        return new MoveInView(r.id, r.residentId, residentName, r.mode, address, r.movedInOn, r.relationToHead,
                r.status, r.rejectionReason, r.submittedAt, r.decidedAt, r.officeId, officeName, MoveInHolder.of(r),
                dueAt, overdue(r, dueAt, now), supplements, movers.size() + 1, movers, r.postalCode,
                r.administrativeDong);
    }

    /** Past 처리기한 and still the office's to decide. */
    static boolean overdue(MoveInReport r, OffsetDateTime dueAt, OffsetDateTime now) {
        return r.status == MoveInReport.Status.SUBMITTED && dueAt != null && now.isAfter(dueAt);
    }
}
