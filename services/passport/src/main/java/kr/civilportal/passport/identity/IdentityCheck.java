package kr.civilportal.passport.identity;

/**
 * Where the applicant's identity check against residency stands (본인 확인 상태). An application is never
 * refused because residency could not be asked: it waits in {@link #PENDING} and a background job asks again.
 */
public enum IdentityCheck {
    PENDING,              // 확인 대기: residency not asked yet or unreachable; retried in the background
    VERIFIED,             // 확인 완료: residency knows the applicant (and gave the birth date)
    NEEDS_OFFICER,        // 담당자 확인 필요: residency has no such resident, or the account has no resident id
    CONFIRMED_BY_OFFICER, // 담당자 확인 완료: an officer confirmed the identity by hand (e.g. ID card at the desk)
    REFUTED_BY_OFFICER;   // 본인 확인 불가: an officer could not confirm it; the application can only be rejected

    /** An officer may approve only an applicant whose identity is established. */
    public boolean allowsApproval() {
        return this == VERIFIED || this == CONFIRMED_BY_OFFICER;
    }

    /** What an officer may still settle by hand: anything not settled yet. */
    public boolean awaitsResolution() {
        return this == PENDING || this == NEEDS_OFFICER;
    }
}
