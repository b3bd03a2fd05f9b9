package kr.civilportal.land.pnu;

/**
 * A parcel number (필지고유번호, PNU): the 19 digits that identify one parcel nationwide.
 * <pre>
 *   1111010100 1 0001 0000
 *   |          | |    +-- sub lot number (부번), 0000 when the lot has none
 *   |          | +------- main lot number (본번), never 0000
 *   |          +--------- land type: 1 general (일반), 2 mountain (산), i.e. kept in the forest register
 *   +-------------------- legal-dong code (법정동코드): 2 시도, 3 시군구, 3 읍면동, 2 리
 * </pre>
 * Immutable and always valid: the only way in is {@link #parse(String)} or {@link #of}. A PNU is not
 * personal data, so it may appear in logs and messages.
 */
public final class Pnu {

    public static final int LENGTH = 19;
    public static final int LEGAL_DONG_CODE_LENGTH = 10;
    private static final int MAX_LOT_NUMBER = 9999;

    private final String digits;

    private Pnu(String digits) {
        this.digits = digits;
    }

    /**
     * Parses exactly 19 ASCII digits (surrounding blanks are ignored, nothing else is).
     *
     * @throws InvalidPnuException saying which rule the text breaks; the message never quotes the input,
     *                             because it is returned to the client and may be logged
     */
    public static Pnu parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidPnuException("A parcel number (PNU) is required.",
                    "필지고유번호(PNU)를 입력해 주세요.");
        }
        String s = text.strip();
        if (s.length() != LENGTH) {
            throw new InvalidPnuException("A parcel number (PNU) has exactly 19 digits.",
                    "필지고유번호(PNU)는 숫자 19자리입니다.");
        }
        for (int i = 0; i < LENGTH; i++) {
            // ASCII only: Character.isDigit would also let full-width and other scripts' digits through.
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidPnuException("A parcel number (PNU) consists of digits only.",
                        "필지고유번호(PNU)는 숫자로만 이루어집니다.");
            }
        }
        char landType = s.charAt(LEGAL_DONG_CODE_LENGTH);
        if (landType != '1' && landType != '2') {
            throw new InvalidPnuException(
                    "The 11th digit of a parcel number (PNU) is the land type: 1 (general) or 2 (mountain).",
                    "필지고유번호(PNU)의 11번째 자리는 1(일반) 또는 2(산)입니다.");
        }
        if (s.startsWith("0000", LEGAL_DONG_CODE_LENGTH + 1)) {
            throw new InvalidPnuException("The main lot number (digits 12 to 15) of a parcel number (PNU) cannot be 0.",
                    "필지고유번호(PNU)의 본번(12~15번째 자리)은 0일 수 없습니다.");
        }
        return new Pnu(s);
    }

    /** Builds the PNU of a lot, e.g. from an address search (산 12-3 in a given legal dong). */
    public static Pnu of(String legalDongCode, boolean mountain, int mainNumber, int subNumber) {
        if (legalDongCode == null || legalDongCode.length() != LEGAL_DONG_CODE_LENGTH
                || !legalDongCode.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidPnuException("A legal-dong code (법정동코드) has exactly 10 digits.",
                    "법정동코드는 숫자 10자리입니다.");
        }
        if (mainNumber < 1 || mainNumber > MAX_LOT_NUMBER || subNumber < 0 || subNumber > MAX_LOT_NUMBER) {
            throw new InvalidPnuException("A main lot number is 1 to 9999 and a sub lot number 0 to 9999.",
                    "본번은 1~9999, 부번은 0~9999입니다.");
        }
        return new Pnu(legalDongCode + (mountain ? '2' : '1')
                + String.format("%04d%04d", mainNumber, subNumber));
    }

    /** The 19 digits, as stored and as in URLs. */
    public String value() {
        return digits;
    }

    /** The 10-digit legal-dong code (법정동코드) the parcel lies in. */
    public String legalDongCode() {
        return digits.substring(0, LEGAL_DONG_CODE_LENGTH);
    }

    /** The 5-digit 시군구 code (first 5 digits of the legal-dong code, 시도 included), as statistics use it. */
    public String sigunguCode() {
        return digits.substring(0, 5);
    }

    /** Whether the parcel is a mountain lot (산), written "산 12-3". */
    public boolean isMountain() {
        return digits.charAt(LEGAL_DONG_CODE_LENGTH) == '2';
    }

    /** The main lot number (본번), 1 to 9999. */
    public int mainNumber() {
        return Integer.parseInt(digits.substring(11, 15));
    }

    /** The sub lot number (부번), 0 when the lot has none. */
    public int subNumber() {
        return Integer.parseInt(digits.substring(15, 19));
    }

    /**
     * The lot number (지번) as written in a lot address: {@code 1}, {@code 12-3}, {@code 산 12-3}. A sub number
     * of 0 is left out, as on the land register and in addresses ("청운동 1", not "청운동 1-0").
     */
    public String lotNumber() {
        return lot().format();
    }

    /** The lot (지번) part of the PNU. */
    public LotNumber lot() {
        return new LotNumber(isMountain(), mainNumber(), subNumber());
    }

    /** The PNU of a lot in a legal dong: the inverse of {@link #legalDongCode()} and {@link #lot()}. */
    public static Pnu of(String legalDongCode, LotNumber lot) {
        return of(legalDongCode, lot.mountain(), lot.mainNumber(), lot.subNumber());
    }

    /** The lot address (지번주소): the legal dong's full name followed by the lot number. */
    public String lotAddress(String legalDongName) {
        return legalDongName.strip() + " " + lotNumber();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pnu other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return digits;
    }
}
