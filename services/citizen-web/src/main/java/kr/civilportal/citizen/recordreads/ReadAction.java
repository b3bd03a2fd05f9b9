package kr.civilportal.citizen.recordreads;

/** What an official did with the resident record (residency's access-log actions). */
public enum ReadAction {
    READ_RECORD,     // 주민등록 열람
    DECIDE_MOVE_IN,  // 전입신고 처리
    IDENTITY_CHECK   // 본인 확인: another service checked the resident exists
}
