package kr.civilportal.emergency.phone;

import java.util.Optional;
import kr.civilportal.common.masking.Masking;

/**
 * A Korean mobile or landline number (휴대전화·유선전화 번호) a dispatcher can call back, normalised to the
 * hyphenated domestic form {@code 010-1234-5678} / {@code 02-123-4567}. {@link #toString()} is masked so the
 * number cannot leak into a log; {@link #dialable()} is for encryption and for the dispatcher only.
 *
 * <p>Accepts what phones and web forms actually send: with or without hyphens, spaces or parentheses
 * ({@code (02) 123-4567}), and the international form {@code +82 10-1234-5678}. The prefixes are exactly
 * those {@link Masking#phone(String)} recognises, so every accepted number masks properly.
 */
public final class PhoneNumber {

    private final String dialable;

    private PhoneNumber(String dialable) {
        this.dialable = dialable;
    }

    /**
     * Parses a number in any of the accepted forms.
     *
     * @throws IllegalArgumentException with a message that never quotes the input
     */
    public static PhoneNumber parse(String text) {
        Optional<String> problem = problemWith(text);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        String digits = digitsOf(text);
        int prefix = prefixLength(digits);
        int middleEnd = digits.length() - 4;
        return new PhoneNumber(digits.substring(0, prefix) + "-" + digits.substring(prefix, middleEnd)
                + "-" + digits.substring(middleEnd));
    }

    /**
     * Why {@code text} is not a Korean phone number, in words fit for a field error (never quoting the
     * input), or empty when it is one.
     */
    public static Optional<String> problemWith(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("A phone number is required here.");
        }
        String digits = digitsOf(text);
        if (digits == null) {
            return Optional.of("A phone number may contain only digits, hyphens, spaces, parentheses and a leading +82.");
        }
        int prefix = prefixLength(digits);
        if (prefix == 0) {
            return Optional.of("A phone number starts with a Korean mobile prefix (010, 011, 016-019), "
                    + "an area code (02, 031-064) or 070.");
        }
        if (!lengthFits(digits, prefix)) {
            return Optional.of("This phone number has too few or too many digits "
                    + "(for example 010-1234-5678 or 02-123-4567).");
        }
        return Optional.empty();
    }

    /** {@code 010-1234-5678}: what the dispatcher dials back. */
    public String dialable() {
        return dialable;
    }

    /** {@code 01012345678}: what a text-message provider dials, and what is sealed for the notification service. */
    public String digits() {
        return dialable.replace("-", "");
    }

    /** {@code 010-****-5678}: the form shown to the reporter and written anywhere else. */
    public String masked() {
        return Masking.phone(dialable);
    }

    /** The bare domestic digits, or null when the text holds characters a phone number cannot. */
    private static String digitsOf(String text) {
        String s = text.strip();
        boolean international = s.startsWith("+");
        StringBuilder digits = new StringBuilder();
        for (int i = international ? 1 : 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != '-' && c != ' ' && c != '(' && c != ')') {
                return null;
            }
        }
        if (international) {
            // +82 10-1234-5678 and +82 (0)10-1234-5678 are both 010-1234-5678 at home.
            if (digits.length() < 2 || !digits.substring(0, 2).equals("82")) {
                return null;
            }
            String national = digits.substring(2);
            return national.startsWith("0") ? national : "0" + national;
        }
        return digits.toString();
    }

    /** The length of the mobile prefix or area code (식별번호·지역번호) the digits start with, or 0. */
    private static int prefixLength(String digits) {
        if (digits.startsWith("02")) {
            return 2;                                            // Seoul
        }
        if (digits.length() < 3) {
            return 0;
        }
        String three = digits.substring(0, 3);
        return switch (three) {
            case "010", "011", "016", "017", "018", "019" -> 3;  // mobile
            case "031", "032", "033",                            // Gyeonggi, Incheon, Gangwon
                 "041", "042", "043", "044",                     // Chungnam, Daejeon, Chungbuk, Sejong
                 "051", "052", "053", "054", "055",              // Busan, Ulsan, Daegu, Gyeongbuk, Gyeongnam
                 "061", "062", "063", "064" -> 3;                // Jeonnam, Gwangju, Jeonbuk, Jeju
            case "070" -> 3;                                     // internet telephony
            default -> 0;
        };
    }

    /** Subscriber numbers are 3 or 4 digits and 4 digits; 010 and 070 numbers always have 4 + 4. */
    private static boolean lengthFits(String digits, int prefix) {
        int subscriber = digits.length() - prefix;
        String p = digits.substring(0, prefix);
        if (p.equals("010") || p.equals("070")) {
            return subscriber == 8;
        }
        return subscriber == 7 || subscriber == 8;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber other && dialable.equals(other.dialable);
    }

    @Override
    public int hashCode() {
        return dialable.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
