package kr.civilportal.passport.application;

/** How long the passport is valid (유효기간), or the single-use travel certificate; the fee depends on it. */
public enum Validity {
    TEN_YEARS,          // 10년 (복수여권; from 18 always 10 years, 여권법 시행령 제6조)
    FIVE_YEARS,         // 5년 (복수여권 of minors under 18; under 8 without the 국제교류기여금)
    TRAVEL_CERTIFICATE; // 여행증명서: single use, in place of a passport (여권법 제14조); no booklet, so no pages

    /** A passport booklet, with a page count; a travel certificate is a single sheet. */
    public boolean hasBooklet() {
        return this != TRAVEL_CERTIFICATE;
    }

    /** Whether the fee depends on the applicant's age (the under-8 row), so on the birth date from residency. */
    public boolean feeDependsOnAge() {
        return this == FIVE_YEARS;
    }
}
