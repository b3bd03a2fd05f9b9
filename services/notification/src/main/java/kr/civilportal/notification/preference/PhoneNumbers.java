package kr.civilportal.notification.preference;

import java.util.Optional;
import java.util.regex.Pattern;
import kr.civilportal.common.masking.Masking;

/**
 * Korean mobile numbers (휴대전화 번호, 010/011/016/017/018/019): what a citizen may type, the digits stored and sent,
 * and the mask shown. Plain Java. Only mobile numbers: SMS and 알림톡 reach nothing else.
 */
public final class PhoneNumbers {

    /** What the API accepts: {@code 010-1234-5678} or {@code 01012345678} (10 digits for the old 01X numbers). */
    public static final String INPUT = "01[016789]-?\\d{3,4}-?\\d{4}";
    private static final Pattern MOBILE_DIGITS = Pattern.compile("01[016789]\\d{7,8}");

    private PhoneNumbers() {
    }

    /** The digits of a mobile number as typed or dialled; empty for a landline or anything else. */
    public static Optional<String> mobileDigits(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = input.strip().replace("-", "");
        return MOBILE_DIGITS.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** {@code 010-****-5678}: how a number appears in an answer; never a whole number. */
    public static String mask(String digits) {
        return Masking.phone(digits);
    }
}
