package kr.civilportal.passport.application;

/** How long the passport is valid (유효기간); the fee depends on it (coming with the fee table). */
public enum Validity {
    TEN_YEARS,  // 10년 (복수여권, adults)
    FIVE_YEARS  // 5년 (복수여권, e.g. minors under 18)
}
