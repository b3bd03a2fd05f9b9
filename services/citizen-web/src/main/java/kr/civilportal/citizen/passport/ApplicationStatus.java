package kr.civilportal.citizen.passport;

/** The passport service's workflow states. */
public enum ApplicationStatus {
    /** 결제 대기: submitted to be paid online, not yet paid; paid, it is SUBMITTED. */
    AWAITING_PAYMENT,
    SUBMITTED,
    UNDER_REVIEW,
    APPROVED,
    PRINTING,
    READY_FOR_PICKUP,
    ISSUED,
    SUPPLEMENT_REQUESTED,
    REJECTED
}
