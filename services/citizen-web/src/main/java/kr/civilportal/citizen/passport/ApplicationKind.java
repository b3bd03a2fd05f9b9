package kr.civilportal.citizen.passport;

/** 신규 (a first passport) or 재발급 (replacing one). */
public enum ApplicationKind {
    NEW,
    REISSUE
}
