package kr.civilportal.residency.movein;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import kr.civilportal.residency.resident.RelationToHead;

/** A move-in report as its filer and the officers see it. No registration number appears in it. */
public record MoveInView(UUID id, UUID residentId, String residentName, MoveInReport.Mode mode, String address,
                         LocalDate movedInOn, RelationToHead relationToHead, MoveInReport.Status status,
                         String rejectionReason, OffsetDateTime submittedAt, OffsetDateTime decidedAt) {

    static MoveInView of(MoveInReport r, String residentName) {
        return new MoveInView(r.id, r.residentId, residentName, r.mode, r.address, r.movedInOn, r.relationToHead,
                r.status, r.rejectionReason, r.submittedAt, r.decidedAt);
    }
}
