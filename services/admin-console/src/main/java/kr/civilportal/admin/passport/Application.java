package kr.civilportal.admin.passport;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.civilportal.web.api.UploadedDocument;

/**
 * A passport application as the passport service shows it to officers; {@code supplements} (reads of one only) are
 * the rounds of 보완 asked, oldest first, with the applicant's 보완 제출 (docs/supplement-documents.md).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Application(UUID id, Kind kind, Validity validity, Integer pages, Status status, Instant submittedAt,
        Fee fee, IdentityCheck identityCheck, Instant identityCheckedAt, List<Step> history, Holder holder,
        LocalDate dueOn, boolean overdue, String office, Payment payment, List<Supplement> supplements) {

    public Application {
        history = history == null ? List.of() : history;
        supplements = supplements == null ? List.of() : List.copyOf(supplements);
    }

    /**
     * A round of 보완: what the officer asked ({@code reason}) and by when, and the applicant's 보완 제출: when
     * ({@code answeredAt}, null while unanswered or once it lapsed), the text if they wrote one (optional for a
     * passport: a new photo is often the whole answer), the documents sent with it in the order sent.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Supplement(Instant requestedAt, String reason, LocalDate supplementDeadline, Instant answeredAt,
            String answer, List<UploadedDocument> documents) {

        public Supplement {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }

        public boolean answered() {
            return answeredAt != null;
        }
    }

    public enum Kind { NEW, REISSUE }

    public enum Validity { TEN_YEARS, FIVE_YEARS }

    /**
     * The workflow's states. {@code AWAITING_PAYMENT} (결제 대기: to be paid online, not paid yet) never reaches the
     * queue, which passport leaves it out of, but is named should an application ever show it.
     */
    public enum Status {
        AWAITING_PAYMENT, SUBMITTED, UNDER_REVIEW, SUPPLEMENT_REQUESTED, APPROVED, PRINTING, READY_FOR_PICKUP, ISSUED,
        REJECTED
    }

    /** 수수료 납부: online by card, or at the office's counter (창구). */
    public enum PaymentMethod { ONLINE, AT_COUNTER }

    /**
     * How the fee was paid, as passport shows it to officers (absent from an older passport): online, with the
     * provider's approval number and time, and its refund after a rejection; or at the counter ({@code state} null).
     * No card data reaches the portal.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payment(PaymentMethod method, PaymentState state, Long amountKrw, Instant paidAt,
            String approvalNumber, Long refundedAmountKrw, Instant refundedAt) {

        public boolean online() {
            return method == PaymentMethod.ONLINE;
        }

        /** Paid online and not refunded: rejecting the application refunds it, automatically. */
        public boolean paid() {
            return state == PaymentState.PAID;
        }

        /** Paid online at some time (refunded since or not): the approval and its time are shown. */
        public boolean wasPaid() {
            return state == PaymentState.PAID || state == PaymentState.REFUND_PENDING || state == PaymentState.REFUNDED;
        }

        public boolean refunding() {
            return state == PaymentState.REFUND_PENDING;
        }

        public boolean refunded() {
            return state == PaymentState.REFUNDED;
        }

        public long amount() {
            return amountKrw == null ? 0 : amountKrw;
        }

        public long refundAmount() {
            return refundedAmountKrw == null || refundedAmountKrw == 0 ? amount() : refundedAmountKrw;
        }
    }

    public enum PaymentState { AWAITING, PAID, REFUND_PENDING, REFUNDED }

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

    /** Its fee was paid online and is kept: a rejection refunds it automatically (said beside the step form). */
    public boolean refundOnReject() {
        return payment != null && payment.paid();
    }

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
