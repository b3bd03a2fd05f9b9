package kr.civilportal.passport.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an application stands (처리 상태). The whole life cycle is declared now, so that the schema, the API
 * and clients know every value from the start; officers' actions that move between them come later and must
 * ask {@link #canMoveTo(ApplicationStatus)} first.
 */
public enum ApplicationStatus {
    AWAITING_PAYMENT,     // 결제 대기: applied with the fee to be paid online; received (SUBMITTED) once paid
    SUBMITTED,            // 접수: the citizen has applied
    UNDER_REVIEW,         // 심사 중: an officer is checking identity and documents
    SUPPLEMENT_REQUESTED, // 보완 요청: the citizen must supply something (e.g. a new photo)
    APPROVED,             // 승인
    PRINTING,             // 제작 중: at the printing office (한국조폐공사)
    READY_FOR_PICKUP,     // 교부 대기: ready at the office, awaiting pickup
    ISSUED,               // 교부 완료: handed to the citizen
    REJECTED;             // 반려: refused, with a reason

    /** The statuses an application may move to from this one; empty once it is final. */
    public Set<ApplicationStatus> next() {
        return switch (this) {
            // Only the payment moves it on (system:payment), never an officer: see Workflow. Unpaid past its
            // payment deadline it is rejected (system:payment-deadline, payment/PaymentDeadline), never by an officer.
            case AWAITING_PAYMENT -> EnumSet.of(SUBMITTED, REJECTED);
            case SUBMITTED -> EnumSet.of(UNDER_REVIEW, REJECTED);
            case UNDER_REVIEW -> EnumSet.of(SUPPLEMENT_REQUESTED, APPROVED, REJECTED);
            // After the citizen supplies what was asked, review resumes.
            case SUPPLEMENT_REQUESTED -> EnumSet.of(UNDER_REVIEW, REJECTED);
            case APPROVED -> EnumSet.of(PRINTING);
            case PRINTING -> EnumSet.of(READY_FOR_PICKUP);
            case READY_FOR_PICKUP -> EnumSet.of(ISSUED);
            case ISSUED, REJECTED -> EnumSet.noneOf(ApplicationStatus.class);
        };
    }

    public boolean canMoveTo(ApplicationStatus target) {
        return next().contains(target);
    }

    /**
     * The office owes the next step (its 처리기한 runs): received, in review, approved, printing. Not while the
     * citizen owes a supplement, nor once the passport is ready for pickup, handed over or the application rejected.
     */
    public boolean owedByTheOffice() {
        return this == SUBMITTED || this == UNDER_REVIEW || this == APPROVED || this == PRINTING;
    }

    /**
     * Not yet received: the fee is to be paid online first. Officers neither list, count nor move such an
     * application; it has no 처리기한 until it is paid.
     */
    public boolean awaitsPayment() {
        return this == AWAITING_PAYMENT;
    }

    /** Nothing happens to a final application any more. */
    public boolean isFinal() {
        return next().isEmpty();
    }
}
