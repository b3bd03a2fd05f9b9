package kr.civilportal.citizen.passport;

/** The passport service's workflow states. */
public enum ApplicationStatus {
    SUBMITTED,
    UNDER_REVIEW,
    APPROVED,
    PRINTING,
    READY_FOR_PICKUP,
    ISSUED,
    SUPPLEMENT_REQUESTED,
    REJECTED
}
