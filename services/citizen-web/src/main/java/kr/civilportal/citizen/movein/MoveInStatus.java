package kr.civilportal.citizen.movein;

/** Where a move-in report stands at residency. */
public enum MoveInStatus {
    AWAITING_HEAD, // a request to join a household, waiting for its head's consent (세대주 동의 대기)
    SUBMITTED,
    SUPPLEMENT_REQUESTED, // 보완요청: the officer asked the filer for something by a day
    APPROVED,
    REJECTED,
    WITHDRAWN      // 취하
}
