package kr.civilportal.passport.application;

import kr.civilportal.common.time.KoreanTime;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import kr.civilportal.passport.holder.CaseHolder;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import kr.civilportal.passport.fee.Fee;
import kr.civilportal.passport.fee.FeeSchedule;
import kr.civilportal.passport.payment.PaymentMethod;
import kr.civilportal.passport.payment.PaymentView;
import kr.civilportal.passport.supplement.Supplements;
import kr.civilportal.passport.payment.Receipts;
import kr.civilportal.passport.identity.IdentityCheck;
import kr.civilportal.passport.workflow.StatusChangeView;

/**
 * An application for a passport (여권 발급 신청). Whose it is comes from the token that submitted it, never
 * from the request body, so a citizen cannot apply in someone else's name.
 */
@Entity
@Table(name = "passport_application")
public class PassportApplication extends PanacheEntityBase {

    /** The fee table changes on Korean calendar days. */

    @Id
    public UUID id;

    /** The {@code sub} of the applicant's token: the stable Keycloak user id. */
    @Column(name = "applicant_subject", nullable = false, length = 64)
    public String applicantSubject;

    /** The applicant's resident id (주민 식별자) in the residency service, for the identity check; may be null. */
    @Column(name = "applicant_resident_id")
    public UUID applicantResidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public ApplicationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Validity validity;

    /** 26 or 58; null for a travel certificate (no booklet). */
    @Column
    public Integer pages;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public ApplicationStatus status;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The identity check against residency (본인 확인); see {@link IdentityCheck}. */
    @Enumerated(EnumType.STRING)
    @Column(name = "identity_check", nullable = false, length = 24)
    public IdentityCheck identityCheck = IdentityCheck.PENDING;

    /** Failed calls to residency so far: the background job's backoff grows with it. */
    @Column(name = "identity_attempts", nullable = false)
    public int identityAttempts;

    /** When the background job may ask residency again; null means now. */
    @Column(name = "identity_next_attempt_at")
    public Instant identityNextAttemptAt;

    @Column(name = "identity_checked_at")
    public Instant identityCheckedAt;

    /** The applicant's birth date as residency gave it at the check; null until then. */
    @Column(name = "applicant_birth_date")
    public LocalDate applicantBirthDate;

    /** 처리기한 ({@code kr.civilportal.passport.deadline.ProcessingPeriod}): set on submission, moved on by a supplement. */
    @Column(name = "due_on")
    public LocalDate dueOn;

    /** 담당자: the officer holding it ({@code kr.civilportal.passport.holder.CaseHolding}); null when nobody does. */
    @Column(name = "holder_subject", length = 64)
    public String holderSubject;

    @Column(name = "holder_name", length = 100)
    public String holderName;

    @Column(name = "held_since")
    public Instant heldSince;

    /** 담당 인계: whom the holder took the case over from, and why; null when they took it free. */
    @Column(name = "taken_over_from", length = 100)
    public String takenOverFrom;

    @Column(name = "takeover_reason", length = 200)
    public String takeoverReason;

    /** 배정: the officer who assigned it to its holder; null when the holder took it (or took it over). */
    @Column(name = "assigned_by", length = 100)
    public String assignedBy;

    /** 접수 기관: the passport office that processes it; null for applications from before offices (all officers'). */
    @Column(name = "office_id", length = 20)
    public String officeId;

    /** 수수료 납부 방법, fixed at submission: online (through the payment provider) or at the counter. */
    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method", nullable = false, length = 10)
    public PaymentMethod paymentMethod = PaymentMethod.AT_COUNTER;

    /** A new application as the citizen submits it, its fee paid at the counter: status {@link ApplicationStatus#SUBMITTED}. */
    public static PassportApplication submit(UUID id, Caller applicant, ApplicationKind kind, Validity validity,
                                             Integer pages, Instant now) {
        return submit(id, applicant, kind, validity, pages, PaymentMethod.AT_COUNTER, now);
    }

    /**
     * A new application as the citizen submits it: paid at the counter it is received at once ({@code SUBMITTED});
     * paid online it waits for its payment ({@code AWAITING_PAYMENT}), received when the payment succeeds.
     */
    public static PassportApplication submit(UUID id, Caller applicant, ApplicationKind kind, Validity validity,
                                             Integer pages, PaymentMethod payment, Instant now) {
        if (validity.hasBooklet() ? pages == null || !PageCount.Validator.isAllowed(pages) : pages != null) {
            throw new IllegalArgumentException("A passport has 26 or 58 pages, a travel certificate none");
        }
        PassportApplication a = new PassportApplication();
        a.id = Objects.requireNonNull(id);
        a.applicantSubject = Objects.requireNonNull(applicant.subject());
        a.applicantResidentId = applicant.residentId();
        a.kind = Objects.requireNonNull(kind);
        a.validity = Objects.requireNonNull(validity);
        a.pages = pages;
        a.paymentMethod = Objects.requireNonNull(payment);
        a.status = payment == PaymentMethod.ONLINE ? ApplicationStatus.AWAITING_PAYMENT : ApplicationStatus.SUBMITTED;
        a.submittedAt = now;
        a.updatedAt = now;
        // Without a resident id there is nobody to ask residency about: an officer checks by hand.
        a.identityCheck = applicant.residentId() == null ? IdentityCheck.NEEDS_OFFICER : IdentityCheck.PENDING;
        a.identityCheckedAt = null;
        return a;
    }

    /** Without the history: for lists, where reading every application's history would cost a query each. */
    public ApplicationView view() {
        return view(null);
    }

    public ApplicationView view(List<StatusChangeView> history) {
        Fee fee = fee();
        return new ApplicationView(id, kind, validity, pages, status, submittedAt, fee,
                feeConfirmed(), identityCheck, identityCheckedAt, history,
                holderSubject == null ? null : new CaseHolder(holderName, heldSince, takenOverFrom, takeoverReason,
                        assignedBy), dueOn,
                overdueOn(LocalDate.now(KoreanTime.ZONE)), officeId,
                // Paid at the counter there is nothing to read (no query per application in lists).
                paymentMethod == PaymentMethod.ONLINE ? Receipts.of(id, fee.totalKrw()) : PaymentView.atCounter(),
                // With the history, as one application is read: its 보완 rounds (a few queries, never per list row).
                history == null ? null : Supplements.of(id));
    }

    /** 수수료 by the fee table of the day of submission (Korea), with the age once residency gave the birth date. */
    public Fee fee() {
        return FeeSchedule.feeOf(kind, validity, pages, submittedAt.atZone(KoreanTime.ZONE).toLocalDate(),
                applicantBirthDate);
    }

    /**
     * Past its 처리기한 on {@code today} while the office still owes the work: received, in review, approved or
     * printing. Not while it waits for the citizen's supplement (that time does not count), nor once the passport
     * is ready, handed over or the application rejected.
     */
    public boolean overdueOn(LocalDate today) {
        return dueOn != null && today.isAfter(dueOn) && status.owedByTheOffice();
    }

    /**
     * Whether the fee shown is final. The 5-year fee depends on the age (under 8: no contribution), known once
     * residency has given the birth date; until then the 8-and-over row is shown, so the final fee is never more.
     * An officer's manual confirmation carries no birth date: the counter checks the age on the ID then.
     */
    public boolean feeConfirmed() {
        return !validity.feeDependsOnAge() || applicantBirthDate != null;
    }
}
