package kr.civilportal.passport.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.civilportal.passport.fee.Fee;
import kr.civilportal.passport.holder.CaseHolder;
import kr.civilportal.passport.identity.IdentityCheck;
import kr.civilportal.passport.payment.PaymentView;
import kr.civilportal.passport.supplement.SupplementView;
import kr.civilportal.passport.workflow.StatusChangeView;

/**
 * An application as its applicant and the officers see it: the fee (수수료) from the fee table, and, when one
 * application is read, its whole history (처리 이력), oldest first. Lists leave the history out.
 */
public record ApplicationView(
        UUID id,
        ApplicationKind kind,
        Validity validity,
        /** 26 or 58; absent for a travel certificate. */
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer pages,
        ApplicationStatus status,
        Instant submittedAt,
        Fee fee,
        /** False while the fee waits for the birth date from the identity check (5-year passports: under-8 row). */
        boolean feeConfirmed,
        /** 본인 확인: PENDING while residency has not confirmed the applicant; approval waits for it. */
        IdentityCheck identityCheck,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant identityCheckedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<StatusChangeView> history,
        /** 담당자: the officer holding it; officers only (absent for the applicant, and while nobody holds it). */
        @JsonInclude(JsonInclude.Include.NON_NULL) CaseHolder holder,
        /** 처리기한: the last day of the statutory period (working days from receipt, supplement time not counted). */
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate dueOn,
        /** Past its 처리기한 while the office still owes the work. */
        boolean overdue,
        /** 접수 기관: the passport office that processes it (e.g. SEOUL-JONGNO); absent for older applications. */
        @JsonInclude(JsonInclude.Include.NON_NULL) String office,
        /** 수수료 납부: how the fee is paid and, paid online, the receipt (영수증) and any refund (환불). */
        PaymentView payment,
        /**
         * 보완 요청 and 보완 제출: every supplement request, oldest first, with its answer's text and documents; like the
         * history, only when one application is read (absent in lists).
         */
        @JsonInclude(JsonInclude.Include.NON_NULL) List<SupplementView> supplements) {

    /** As the applicant sees it: which officer holds it is the office's business. */
    public ApplicationView forApplicant() {
        return holder == null ? this : new ApplicationView(id, kind, validity, pages, status, submittedAt, fee,
                feeConfirmed, identityCheck, identityCheckedAt, history, null, dueOn, overdue, office, payment,
                supplements);
    }
}
