package kr.civilportal.land.pnu;

/**
 * A text that is not a parcel number (PNU). Carries the reason in English (the message) and in Korean, so a
 * resource can hand both to the citizen as a field error without knowing the rules.
 */
public class InvalidPnuException extends IllegalArgumentException {

    private final String detailKo;

    InvalidPnuException(String detail, String detailKo) {
        super(detail);
        this.detailKo = detailKo;
    }

    public String detailKo() {
        return detailKo;
    }
}
