package kr.civilportal.common.masking;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How personal data is shown to anyone but its owner's case officer, following the masking rules used on
 * Korean government sites (주민등록번호 뒷자리, 이름 가운데, 전화번호 가운데).
 */
public final class Masking {

    /** A resident registration number (주민등록번호), with or without the hyphen. */
    static final Pattern RRN = Pattern.compile("(?<!\\d)(\\d{6})-?([1-8])\\d{6}(?!\\d)");
    /** A Korean mobile or landline number, with or without hyphens. */
    static final Pattern PHONE = Pattern.compile("(?<!\\d)(01[016789]|02|0[3-6][1-5]|070)-?(\\d{3,4})-?(\\d{4})(?!\\d)");
    /** The same numbers written internationally: {@code +82 10-1234-5678}, {@code +821012345678}. */
    static final Pattern PHONE_INTERNATIONAL = Pattern.compile(
            "\\+82[-\\s]?(1[016789]|2|[3-6][1-5]|70)[-\\s]?(\\d{3,4})[-\\s]?(\\d{4})(?!\\d)");

    private Masking() {
    }

    /** {@code 9001011234567} or {@code 900101-1234567} → {@code 900101-1******}. */
    public static String rrn(String rrn) {
        if (rrn == null) {
            return null;
        }
        Matcher m = RRN.matcher(rrn.trim());
        if (!m.matches()) {
            return "******-*******";
        }
        return m.group(1) + "-" + m.group(2) + "******";
    }

    /** {@code 홍길동} → {@code 홍*동}; {@code 김철} → {@code 김*}; {@code 남궁민수} → {@code 남**수}. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        StringBuilder out = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return out.append('*').toString();
        }
        out.append("*".repeat(cps.length - 2));
        return out.appendCodePoint(cps[cps.length - 1]).toString();
    }

    /** {@code 010-1234-5678} → {@code 010-****-5678}. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        Matcher m = PHONE.matcher(phone.trim());
        if (!m.matches()) {
            return "***-****-****";
        }
        return m.group(1) + "-" + "*".repeat(m.group(2).length()) + "-" + m.group(3);
    }

    /** Masks every RRN and phone number found anywhere in free text, e.g. a log line. */
    public static String inText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = RRN.matcher(text).replaceAll("$1-$2******");
        out = PHONE_INTERNATIONAL.matcher(out)
                .replaceAll(m -> "+82-" + m.group(1) + "-" + "*".repeat(m.group(2).length()) + "-" + m.group(3));
        return PHONE.matcher(out).replaceAll(m -> m.group(1) + "-" + "*".repeat(m.group(2).length()) + "-" + m.group(3));
    }
}
