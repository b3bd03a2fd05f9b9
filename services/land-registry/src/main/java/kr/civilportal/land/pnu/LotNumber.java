package kr.civilportal.land.pnu;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lot number (지번) inside a legal dong: mountain flag (산), main number (본번) and sub number (부번).
 * Written {@code 1}, {@code 12-3} or {@code 산 12-3}; read also as {@code 1-0} and {@code 산12-3}, the forms
 * people and older systems type.
 */
public record LotNumber(boolean mountain, int mainNumber, int subNumber) {

    static final int MAX = 9999;
    /** The lot at the end of an address: optional 산, main number, optional -sub number. */
    static final Pattern TRAILING_LOT = Pattern.compile("(?:^|\\s)(산\\s*)?([0-9]{1,4})(?:-([0-9]{1,4}))?\\s*$");
    private static final Pattern WHOLE_LOT = Pattern.compile("^\\s*(산\\s*)?([0-9]{1,4})(?:-([0-9]{1,4}))?\\s*$");

    public LotNumber {
        if (mainNumber < 1 || mainNumber > MAX || subNumber < 0 || subNumber > MAX) {
            throw invalid();
        }
    }

    /** Parses a lot number on its own, e.g. a search field: {@code 산 12-3}, {@code 1}, {@code 1-0}. */
    public static LotNumber parse(String text) {
        if (text == null) {
            throw invalid();
        }
        Matcher m = WHOLE_LOT.matcher(text);
        if (!m.matches()) {
            throw invalid();
        }
        return of(m);
    }

    static LotNumber of(Matcher m) {
        return new LotNumber(m.group(1) != null, Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    /**
     * As on the register: a sub number of 0 is left out ({@code 청운동 1}, not {@code 청운동 1-0}), the way
     * lot addresses are written on Korean land registers and in addresses.
     */
    public String format() {
        return (mountain ? "산 " : "") + mainNumber + (subNumber == 0 ? "" : "-" + subNumber);
    }

    /** The nine PNU digits after the legal-dong code: land type, main and sub number. */
    public String pnuDigits() {
        return (mountain ? "2" : "1") + String.format("%04d%04d", mainNumber, subNumber);
    }

    static InvalidPnuException invalid() {
        return new InvalidPnuException(
                "A lot number (지번) is a main number 1 to 9999 with an optional sub number 0 to 9999, e.g. 12 or 12-3, "
                        + "preceded by 산 for a mountain lot.",
                "지번은 본번(1~9999)과 선택적인 부번(0~9999)으로 적습니다. 예: 12, 12-3, 산 12-3");
    }
}
