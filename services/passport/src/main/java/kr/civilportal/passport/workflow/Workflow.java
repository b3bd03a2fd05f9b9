package kr.civilportal.passport.workflow;

import kr.civilportal.common.time.KoreanTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.civilportal.passport.deadline.ProcessingDeadlines;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.documents.UploadedDocumentCheck;
import kr.civilportal.passport.application.ApplicationStatus;
import kr.civilportal.passport.application.ApplicationView;
import kr.civilportal.passport.application.Caller;
import kr.civilportal.passport.application.PassportApplication;
import kr.civilportal.passport.holder.CaseHolding;
import kr.civilportal.passport.payment.PaymentRefunds;
import kr.civilportal.passport.supplement.Supplements;

/**
 * Moves applications through their life cycle (처리 절차): officers act, the applicant resubmits after a
 * supplement request (보완 후 재제출). Each move locks the application's row ({@code SELECT ... FOR UPDATE})
 * for its transaction: two officers acting at once are serialised, and the second then finds the status the
 * first left, which its move no longer fits (409), instead of both succeeding on the same snapshot.
 */
@ApplicationScoped
public class Workflow {

    public static final ProblemType INVALID_TRANSITION =
            new ProblemType("invalid-transition", "Invalid status transition", 409);
    /** Approval waits for the identity check (본인 확인): residency's answer, or an officer's by hand. */
    public static final ProblemType IDENTITY_NOT_VERIFIED =
            new ProblemType("identity-not-verified", "Identity not verified", 409);
    /** Who the history names for the automatic 반려 after a supplement deadline: no person acted. */
    public static final String DEADLINE_ACTOR = "system:supplement-deadline";
    /** Who the history names for the 반려 of an application whose fee was never paid online: no person acted. */
    public static final String PAYMENT_DEADLINE_ACTOR = "system:payment-deadline";
    /** The payment deadline as the applicant reads it in the reason: Korea's time, to the minute. */
    private static final java.time.format.DateTimeFormatter KOREAN_MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(KoreanTime.ZONE);
    /** Deadlines are calendar days in Korea, where the offices are. */

    private final Clock clock = Clock.systemUTC();

    @Inject
    ProcessingDeadlines deadlines;

    @Inject
    PaymentRefunds refunds;

    @Inject
    ApplicationEvents events;

    @Inject
    Supplements supplements;

    @Transactional
    public ApplicationView transition(Caller officer, String officerName, UUID id, TransitionRequest request) {
        validate(request);
        PassportApplication application = PassportApplication.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (application == null || !officer.officer() || !officer.inJurisdiction(application)) {
            throw notFound();
        }
        ApplicationStatus current = application.status;
        if (current.awaitsPayment()) {
            // Not received yet: only its payment moves it on (system:payment), never an officer.
            throw conflict("The application waits for its fee to be paid online; it is received once paid.",
                    "수수료 결제 대기 중인 신청입니다. 결제가 완료되면 접수됩니다.");
        }
        if (request.from() != null && request.from() != current) {
            throw conflict("The application is " + current + " now, not " + request.from()
                    + "; someone else changed it.", "다른 담당자가 이미 처리 상태를 변경했습니다 (현재: " + current + ").");
        }
        if (current == ApplicationStatus.SUPPLEMENT_REQUESTED && request.to() == ApplicationStatus.UNDER_REVIEW) {
            // Review resumes when the citizen has supplied what was asked, not on the officer's word.
            throw conflict("Review resumes when the applicant resubmits.", "신청인이 보완 서류를 제출하면 심사가 재개됩니다.");
        }
        // Another officer's case is theirs to move; a case nobody holds becomes this officer's.
        CaseHolding.actingOn(application, officer.subject(), officerName,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        move(application, request.to(), officer.subject(), blankToNull(request.reason()),
                request.to() == ApplicationStatus.SUPPLEMENT_REQUESTED ? request.supplementDeadline() : null);
        return application.view(StatusChange.historyOf(id));
    }

    /** The applicant answers a supplement request (보완 제출) without text or documents (a new photo was the answer). */
    @Transactional
    public ApplicationView resubmit(Caller applicant, UUID id) {
        return resubmit(applicant, id, null, List.of());
    }

    /**
     * The applicant answers a supplement request (보완 제출), with optional text and documents already checked
     * ({@link Supplements#answerText}, {@link Supplements#checked}): the application returns to review, and the answer is
     * kept with the request it answers in this one transaction, so a refused resubmission (404, 409) stores nothing.
     */
    @Transactional
    public ApplicationView resubmit(Caller applicant, UUID id, String answer,
                                    List<UploadedDocumentCheck.Checked> documents) {
        PassportApplication application = PassportApplication.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (application == null || !applicant.subject().equals(application.applicantSubject)) {
            throw notFound();
        }
        if (application.status != ApplicationStatus.SUPPLEMENT_REQUESTED) {
            throw conflict("Only an application asked for a supplement can be resubmitted; it is " + application.status
                    + ".", "보완 요청을 받은 신청만 다시 제출할 수 있습니다.");
        }
        StatusChange request = Supplements.openRequest(id);
        move(application, ApplicationStatus.UNDER_REVIEW, applicant.subject(), null, null);
        if (request != null) {
            supplements.keep(application, request, answer, documents, application.updatedAt);
        }
        if (application.dueOn != null && request != null) {
            // The time the office waited for the citizen does not count towards its 처리기한.
            application.dueOn = deadlines.extended(application.dueOn, request.changedAt, application.updatedAt);
        }
        return application.view(StatusChange.historyOf(id)).forApplicant();
    }

    /**
     * 반려 after the supplement deadline (보완 기한 경과): at most {@code batch} applications still waiting for a
     * supplement whose deadline was before {@code today}, each rejected with the deadline in its reason. Rows are
     * claimed {@code FOR UPDATE SKIP LOCKED}, so replicas running this at once never take the same application,
     * and a citizen's resubmission that got there first wins (the row is then no longer waiting). The deadline is the
     * one of the request itself: an identity-check step taken while the application waits also names
     * SUPPLEMENT_REQUESTED (its status is kept) but carries no deadline, and must not hide the request's. Returns how many.
     */
    @Transactional
    public int rejectOverdueSupplements(LocalDate today, int batch) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = PassportApplication.getEntityManager().createNativeQuery("""
                SELECT a.id, d.deadline FROM passport_application a
                CROSS JOIN LATERAL (SELECT c.supplement_deadline AS deadline FROM passport_status_change c
                                    WHERE c.application_id = a.id AND c.to_status = 'SUPPLEMENT_REQUESTED'
                                      AND c.identity_check IS NULL
                                    ORDER BY c.id DESC LIMIT 1) d
                WHERE a.status = 'SUPPLEMENT_REQUESTED' AND d.deadline < ?1
                ORDER BY d.deadline LIMIT ?2
                FOR UPDATE OF a SKIP LOCKED""")
                .setParameter(1, today).setParameter(2, batch).getResultList();
        for (Object[] row : due) {
            PassportApplication application = PassportApplication.findById(row[0]);
            LocalDate deadline = row[1] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[1];
            move(application, ApplicationStatus.REJECTED, DEADLINE_ACTOR,
                    "보완 기한(" + deadline + ")까지 보완이 없어 반려되었습니다 (no supplement by the deadline)", null);
        }
        return due.size();
    }

    /**
     * 반려 of an application still waiting for its online fee after its payment deadline ({@code paymentDeadline}):
     * called by {@code PaymentDeadline} with the row locked, once the provider has said no payment of it succeeded.
     * It goes through {@link #move} like every rejection (history, event to the applicant; nothing paid, so nothing
     * to refund). An officer never does this: {@link #transition} refuses every move of an unpaid application.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rejectUnpaid(PassportApplication application, Instant paymentDeadline) {
        move(application, ApplicationStatus.REJECTED, PAYMENT_DEADLINE_ACTOR, unpaidReason(paymentDeadline), null);
    }

    /** The reason of {@link #rejectUnpaid}, in Korean and English as the other system reasons are written. */
    public static String unpaidReason(Instant paymentDeadline) {
        return "수수료 결제 기한(" + KOREAN_MINUTE.format(paymentDeadline) + ")까지 결제가 없어 반려되었습니다 "
                + "(the fee was not paid by " + KOREAN_MINUTE.format(paymentDeadline) + " KST)";
    }

    @Transactional
    public List<StatusChangeView> history(UUID id) {
        return StatusChange.historyOf(id);
    }

    private void move(PassportApplication application, ApplicationStatus to, String actor, String reason,
                      LocalDate deadline) {
        ApplicationStatus from = application.status;
        if (!from.canMoveTo(to)) {
            throw conflict("An application that is " + from + " cannot become " + to + ".",
                    "현재 처리 상태(" + from + ")에서 " + to + "(으)로 변경할 수 없습니다.");
        }
        if (to == ApplicationStatus.APPROVED && !application.identityCheck.allowsApproval()) {
            // A passport is an identity document: it is never approved for someone whose identity is unknown.
            throw new ProblemException(IDENTITY_NOT_VERIFIED, "The applicant's identity check is "
                    + application.identityCheck + "; approve once residency has verified it or an officer has "
                    + "confirmed it (POST …/identity-check).", "본인 확인이 완료되지 않아 승인할 수 없습니다 (현재: "
                    + application.identityCheck + ").");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        application.status = to;
        application.updatedAt = now;
        if (to == ApplicationStatus.REJECTED) {
            // The one place every rejection passes (officer or supplement deadline): a fee paid online is refunded,
            // its refund row committed with the rejection or not at all.
            refunds.onRejection(application, now);
        }
        CaseHolding.finished(application);
        StatusChange.record(application.id, from, to, actor, reason, deadline, now);
        events.moved(application, to, reason, deadline);
    }

    /** Rules on the body alone, checked before anything is read, so bad input is a 400 whatever the state. */
    void validate(TransitionRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean needsReason = request.to() == ApplicationStatus.REJECTED
                || request.to() == ApplicationStatus.SUPPLEMENT_REQUESTED;
        if (needsReason && blankToNull(request.reason()) == null) {
            errors.add(new Problem.FieldError("reason", "is required to reject or to ask for a supplement"
                    + " (반려·보완요청 사유를 입력해 주세요)"));
        }
        if (request.to() == ApplicationStatus.SUPPLEMENT_REQUESTED) {
            LocalDate today = LocalDate.now(clock.withZone(KoreanTime.ZONE));
            if (request.supplementDeadline() == null) {
                errors.add(new Problem.FieldError("supplementDeadline", "is required with SUPPLEMENT_REQUESTED"
                        + " (보완 기한을 입력해 주세요)"));
            } else if (!request.supplementDeadline().isAfter(today)) {
                errors.add(new Problem.FieldError("supplementDeadline", "must be after today (보완 기한은 오늘 이후여야 합니다)"));
            }
        }
        if (!errors.isEmpty()) {
            String fields = String.join(", ", errors.stream().map(Problem.FieldError::field).toList());
            Problem base = ProblemType.VALIDATION.problem("Some fields are invalid: " + fields,
                    "입력값을 확인해 주세요: " + fields);
            throw new ProblemException(new Problem(base.type(), base.title(), base.status(), base.detail(),
                    base.detailKo(), null, List.copyOf(errors)));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ProblemException conflict(String detail, String detailKo) {
        return new ProblemException(INVALID_TRANSITION, detail, detailKo);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such passport application.", "해당 여권 발급 신청을 찾을 수 없습니다.");
    }
}
