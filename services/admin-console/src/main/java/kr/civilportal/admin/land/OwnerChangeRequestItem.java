package kr.civilportal.admin.land;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A citizen's request to record a change of owner (소유자 변동 신청) as land-registry shows it to the land officers
 * of its office ({@code office}, null for none): the parcel, the new owner in full (land officers may read it; never
 * logged), share, date and cause of the change, who asked and when, its 처리기한 ({@code dueOn}) and
 * {@code overdue}, land-registry's verdict that it is still undecided past that (the service keeps the working
 * days, so the console shows its verdict rather than counting days itself), and its 담당자 ({@code holder}, null
 * while nobody holds it). A decided one also carries who decided it, when, and a rejection's reason.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OwnerChangeRequestItem(UUID id, String pnu, String address, String ownerName, String share,
        LocalDate changedOn, OwnerChangeCause cause, Status status, String requestedBy, OffsetDateTime receivedAt,
        LocalDate dueOn, boolean overdue, String office, Holder holder, String decidedBy, OffsetDateTime decidedAt,
        String rejectionReason) {

    public enum Status { RECEIVED, APPROVED, REJECTED }

    /**
     * 담당 filter of the queue, which land-registry applies ({@code held}): the officer's own requests (내 업무) or
     * those nobody holds (미배정); none for every waiting request of their offices.
     */
    public enum Held { MINE, NOBODY }

    /**
     * 담당자: the land officer (their user name) who holds the request, and since when; taken over from another
     * officer ({@code takenOverFrom}, 담당 인계) for {@code takeoverReason}, both null when it was taken free; or
     * assigned to them by a colleague ({@code assignedBy}, 배정).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Holder(String officer, Instant since, String takenOverFrom, String takeoverReason,
            String assignedBy) {

        public Holder(String officer, Instant since) {
            this(officer, since, null, null, null);
        }

        public Holder(String officer, Instant since, String takenOverFrom, String takeoverReason) {
            this(officer, since, takenOverFrom, takeoverReason, null);
        }
    }

    /**
     * 처리 현황 of the officer's offices (land-registry's {@code GET /officer/owner-change-requests/counts}):
     * waiting with nobody holding them (접수 대기), waiting and held (처리 중), waiting past 처리기한 (처리기한 경과),
     * decided since midnight in Korea (오늘 처리).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counts(long received, long inProgress, long overdue, long decidedToday) {
    }

    /** The official named {@code officer} holds it. */
    public boolean heldBy(String officer) {
        return holder != null && holder.officer() != null && holder.officer().equals(officer);
    }

    /**
     * Another officer holds it: land-registry would refuse this official's take or decision (409 case-held), so
     * the queue offers neither, says who holds it, and offers its take-over with a reason (담당 인계).
     */
    public boolean heldByAnother(String officer) {
        return holder != null && !heldBy(officer);
    }

    /** Calendar days left to the 처리기한, as the passport queue shows them (D-n, 오늘까지). */
    public long daysLeft(LocalDate today) {
        return dueOn == null ? 0 : ChronoUnit.DAYS.between(today, dueOn);
    }

    /** What a log line may say of it: never the owner's name, the parcel's address or the applicant. */
    @Override
    public String toString() {
        return "OwnerChangeRequestItem[id=" + id + ", status=" + status + "]";
    }
}
