package kr.civilportal.citizen.movein;

/** 새 세대 구성 (a household of one's own at the new address) or 세대 합가 (joining an existing one). */
public enum MoveInMode {
    NEW_HOUSEHOLD,
    JOIN_HOUSEHOLD
}
