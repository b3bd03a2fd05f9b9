package kr.civilportal.citizen.movein;

/** Where a move-in report stands at residency. */
public enum MoveInStatus {
    SUBMITTED,
    APPROVED,
    REJECTED
}
