package kr.civilportal.admin.passport;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A passport application as the passport service shows it to officers. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Application(UUID id, Kind kind, Validity validity, Integer pages, Status status, Instant submittedAt,
        Fee fee, IdentityCheck identityCheck, Instant identityCheckedAt, List<Step> history, Holder holder,
        LocalDate dueOn, boolean overdue, String office) {

    public Application {
        history = history == null ? List.of() : history;
    }

    public enum Kind { NEW, REISSUE }

    public enum Validity { TEN_YEARS, FIVE_YEARS }

    public enum Status { SUBMITTED, UNDER_REVIEW, SUPPLEMENT_REQUESTED, APPROVED, PRINTING, READY_FOR_PICKUP, ISSUED, REJECTED }

    /** 본인 확인: the identity check against residency, or an officer's decision when residency could not tell. */
    public enum IdentityCheck {
        PENDING, VERIFIED, NEEDS_OFFICER, CONFIRMED_BY_OFFICER, REFUTED_BY_OFFICER;

        /** Residency could not settle it (down, or no such resident): an officer may, by hand. */
        public boolean awaitsOfficer() {
            return this == PENDING || this == NEEDS_OFFICER;
        }
    }

    /** An officer's decision on an identity check (담당자 본인 확인). */
    public enum Resolution { CONFIRMED, REFUTED }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fee(long totalKrw) {
    }

    /**
     * A step of the workflow with the officer's reason, if any; an identity-check step (본인 확인) keeps the status
     * and names its outcome in {@code identityCheck}, with the note in {@code reason}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(Status to, Instant at, String reason, IdentityCheck identityCheck) {
    }

    /**
     * 담당자: the officer who holds the application, and since when (absent while nobody does); taken over from
     * another officer ({@code takenOverFrom}) for {@code takeoverReason}, or assigned by a colleague
     * ({@code assignedBy}, 배정), or neither.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Holder(String officer, Instant since, String takenOverFrom, String takeoverReason,
            String assignedBy) {

        public Holder(String officer, Instant since, String takenOverFrom, String takeoverReason) {
            this(officer, since, takenOverFrom, takeoverReason, null);
        }
    }

    /** 담당 filter of the queue: every application, the officer's own, or those nobody holds. */
    public enum Held { MINE, NOBODY }

    public boolean isFinal() {
        return status == Status.ISSUED || status == Status.REJECTED;
    }

    /** 처리 현황: the office's day at a glance (passport's {@code GET /applications/counts}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counts(long received, long inProgress, long waitingForSupplement, long overdue, long doneToday) {
    }

    /** Working days are the service's business; the queue shows calendar days left to the 처리기한. */
    public long daysLeft(LocalDate today) {
        return dueOn == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(today, dueOn);
    }

    /** A page of the queue. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Application> items, int page, long total) {
        public Page {
            items = items == null ? List.of() : items;
        }
    }
}
