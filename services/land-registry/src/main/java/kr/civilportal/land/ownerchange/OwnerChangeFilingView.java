package kr.civilportal.land.ownerchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import kr.civilportal.common.masking.Masking;
import kr.civilportal.land.owner.OwnerChangeCause;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An owner-change request as shown: to land officers in full, with who filed and who holds it; to its filer with
 * the new owner's name masked and nothing of the officers' work but the decision.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OwnerChangeFilingView(
        UUID id,
        @Schema(examples = "1111010100100010000") String pnu,
        @Schema(description = "Lot address (지번주소)", examples = "서울특별시 종로구 청운동 1") String address,
        @Schema(description = "New owner (소유자): in full for land officers, masked (홍*동) for the filer", examples = "홍길동")
        String ownerName,
        @Schema(examples = "1/2") String share,
        @Schema(description = "Date of the change (변동일자)") LocalDate changedOn,
        OwnerChangeCause cause,
        @Schema(examples = "매매") String causeKo,
        OwnerChangeFiling.Status status,
        Instant receivedAt,
        @Schema(description = "처리기한: the last working day of the processing period (Korean date)") LocalDate dueOn,
        @Schema(description = "Waiting past its 처리기한") boolean overdue,
        @Schema(description = "The office (관할 기관) id; absent when no office covers the parcel", examples = "SEOUL-JONGNO")
        String office,
        @Schema(examples = "종로구청") String officeName,
        @Schema(description = "Who filed it (신청인): land officers only") String requestedBy,
        @Schema(description = "Who holds it (담당), land officers only; absent when nobody does") Holder holder,
        @Schema(description = "The officer who decided it: land officers only") String decidedBy,
        Instant decidedAt,
        @Schema(description = "Why it was rejected (반려 사유)") String rejectionReason,
        @Schema(description = "The owner-history entry its approval appended") Integer ownerChangeSequence) {

    /**
     * 담당: the officer holding a request, since when, and how they came to: after a 담당 인계, from whom and why;
     * after a 배정, who assigned it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Holder(@Schema(examples = "land-officer") String officer, Instant since,
                         @Schema(description = "담당 인계: the officer it was taken over from") String takenOverFrom,
                         @Schema(description = "Why it was taken over (인계 사유)") String takeoverReason,
                         @Schema(description = "배정: the officer who assigned it to its holder", examples = "land-officer2")
                         String assignedBy) {
    }

    static OwnerChangeFilingView forOfficer(OwnerChangeFiling f, String address, String officeName, Instant now) {
        return new OwnerChangeFilingView(f.id, f.pnu, address, f.ownerName, f.share(), f.changedOn, f.cause,
                f.cause.nameKo(), f.status, f.receivedAt, f.dueOn, overdue(f, now), f.officeId, officeName, f.filerName,
                f.holderSubject == null ? null
                        : new Holder(f.holderName, f.heldSince, f.takenOverFrom, f.takeoverReason,
                        f.assignedBy), f.decidedBy, f.decidedAt,
                f.rejectionReason, f.ownerChangeSeq);
    }

    /** The same view with the new owner's and the filer's names masked. */
    OwnerChangeFilingView namesMasked() {
        return new OwnerChangeFilingView(id, pnu, address, Masking.name(ownerName), share, changedOn, cause, causeKo,
                status, receivedAt, dueOn, overdue, office, officeName, requestedBy == null ? null
                : Masking.name(requestedBy), holder, decidedBy, decidedAt, rejectionReason, ownerChangeSequence);
    }

    static OwnerChangeFilingView forFiler(OwnerChangeFiling f, String address, String officeName, Instant now) {
        return new OwnerChangeFilingView(f.id, f.pnu, address, Masking.name(f.ownerName), f.share(), f.changedOn,
                f.cause, f.cause.nameKo(), f.status, f.receivedAt, f.dueOn, overdue(f, now), f.officeId, officeName,
                null, null, null, f.decidedAt, f.rejectionReason, f.ownerChangeSeq);
    }

    private static boolean overdue(OwnerChangeFiling f, Instant now) {
        return f.status == OwnerChangeFiling.Status.RECEIVED && FilingDeadlines.overdue(f.dueOn, now);
    }
}
