package kr.civilportal.passport.fee;

/**
 * What an applicant pays, in won (KRW): the issuance fee (발급수수료) plus the international exchange
 * contribution (국제교류기여금) collected with it; {@code totalKrw} is what the counter charges.
 */
public record Fee(int totalKrw, int issuanceFeeKrw, int contributionKrw) {

    static Fee of(int issuanceFeeKrw, int contributionKrw) {
        return new Fee(issuanceFeeKrw + contributionKrw, issuanceFeeKrw, contributionKrw);
    }
}
