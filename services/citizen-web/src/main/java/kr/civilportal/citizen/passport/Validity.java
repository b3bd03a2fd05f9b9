package kr.civilportal.citizen.passport;

/** 10년 or 5년 (the latter for ages 8 to 17). */
public enum Validity {
    TEN_YEARS,
    FIVE_YEARS
}
