package kr.civilportal.land.pnu;

import java.util.regex.Matcher;

/**
 * A lot address (지번주소) as typed: the legal dong's name ({@code 서울특별시 종로구 청운동}) and, optionally, a lot
 * number at the end ({@code 1-0}, {@code 산 12-3}). Which legal dong the name stands for is the register's
 * business; this class only splits the text.
 */
public record LotAddress(String legalDongName, LotNumber lot) {

    /** Longest address text accepted: the longest legal-dong names are about 30 characters. */
    public static final int MAX_LENGTH = 100;

    /**
     * Splits an address into legal-dong name (blanks collapsed) and lot number; the lot is null when the text
     * ends with no number.
     *
     * @throws InvalidPnuException when there is no name before the lot, or the lot number is out of range
     */
    public static LotAddress parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw new InvalidPnuException("An address names a legal dong (법정동), optionally followed by a lot number,"
                    + " in at most " + MAX_LENGTH + " characters.",
                    "주소는 법정동 이름과 지번으로 " + MAX_LENGTH + "자 이내로 적습니다. 예: 서울특별시 종로구 청운동 1");
        }
        String s = text.strip().replaceAll("\\s+", " ");
        Matcher m = LotNumber.TRAILING_LOT.matcher(s);
        LotNumber lot = null;
        String name = s;
        if (m.find()) {
            lot = LotNumber.of(m);
            name = s.substring(0, m.start()).strip();
        }
        if (lot == null && Character.isDigit(name.charAt(name.length() - 1))) {
            // A number that is no lot number (0, 10000, "청운동1" without a blank): a mistake, not part of a name.
            throw LotNumber.invalid();
        }
        if (name.isEmpty()) {
            throw new InvalidPnuException("An address must name the legal dong (법정동) before the lot number.",
                    "지번 앞에 법정동 이름을 적어 주세요. 예: 청운동 1");
        }
        return new LotAddress(name, lot);
    }

    /** The address as the register writes it: {@code 서울특별시 종로구 청운동 1}. */
    public String format() {
        return lot == null ? legalDongName : legalDongName + " " + lot.format();
    }
}
