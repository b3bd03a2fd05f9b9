package kr.civilportal.passport.application;

/** What the citizen applies for (신청 구분). */
public enum ApplicationKind {
    NEW,     // 신규 발급: a first passport, or one after the last has expired
    REISSUE  // 재발급: replacing a valid passport (lost, damaged, pages used up, personal data changed)
}
