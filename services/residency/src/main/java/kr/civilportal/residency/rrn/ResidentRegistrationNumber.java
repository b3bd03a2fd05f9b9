package kr.civilportal.residency.rrn;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.civilportal.common.masking.Masking;

/**
 * A resident registration number (주민등록번호): {@code YYMMDD-GNNNNNN}, where G (the 7th digit) gives sex and
 * century. Holds the plain digits only in memory; {@link #toString()} is masked so it cannot leak into a log.
 */
public final class ResidentRegistrationNumber {

    private static final Pattern FORMAT = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})-?([0-9])(\\d{6})");

    private final String digits;

    private ResidentRegistrationNumber(String digits) {
        this.digits = digits;
    }

    /**
     * The day from which new numbers carry random back digits (no regional code, no check digit): numbers
     * assigned before it end in a check digit computed over the first twelve.
     */
    static final LocalDate RANDOM_BACK_DIGITS_FROM = LocalDate.of(2020, 10, 5);
    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};

    /**
     * Parses input from a client, {@code 900101-1234567} or {@code 9001011234567}: form, birth date, and the
     * check digit where it applies (Korean nationals, 7th digit 1–4 or 9/0, born before 2020-10-05; numbers
     * of foreign residents (5–8) and newer numbers have no check digit to test).
     *
     * @throws IllegalArgumentException with a message that never quotes the input
     */
    public static ResidentRegistrationNumber parse(String text) {
        ResidentRegistrationNumber rrn = parseStored(text);
        char gender = rrn.digits.charAt(6);
        boolean national = gender != '5' && gender != '6' && gender != '7' && gender != '8';
        if (national && rrn.birthDate().isBefore(RANDOM_BACK_DIGITS_FROM)
                && checkDigit(rrn.digits) != rrn.digits.charAt(12) - '0') {
            throw new IllegalArgumentException("The check digit of the resident registration number is wrong.");
        }
        return rrn;
    }

    /**
     * Parses a number read back from storage: form and birth date only, because records registered before
     * the check digit was enforced must still be readable.
     */
    static ResidentRegistrationNumber parseStored(String text) {
        if (text == null) {
            throw new IllegalArgumentException("A resident registration number is required.");
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("A resident registration number has the form YYMMDD-GNNNNNN.");
        }
        int century = centuryOf(m.group(4).charAt(0));
        try {
            LocalDate.of(century + Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("The first six digits of a resident registration number must be a birth date.");
        }
        return new ResidentRegistrationNumber(m.group(1) + m.group(2) + m.group(3) + m.group(4) + m.group(5));
    }

    /** The check digit over the first twelve digits: (11 − Σ dᵢ·wᵢ mod 11) mod 10. */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return (11 - sum % 11) % 10;
    }

    /** Whether the 7th digit marks a woman (2, 4, 6, 8, 0), for certificates that print sex. */
    public boolean female() {
        return (digits.charAt(6) - '0') % 2 == 0;
    }

    /** The full number {@code 900101-1234567}, for printing on the holder's own certificate only. */
    public String unmaskedForHolderCertificate() {
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    /** The birth date that the first seven digits encode. */
    public LocalDate birthDate() {
        int century = centuryOf(digits.charAt(6));
        return LocalDate.of(century + Integer.parseInt(digits.substring(0, 2)),
                Integer.parseInt(digits.substring(2, 4)), Integer.parseInt(digits.substring(4, 6)));
    }

    /** {@code 900101-1******}: the only form shown in responses and logs. */
    public String masked() {
        return Masking.rrn(digits);
    }

    /** The 13 digits, for encryption and look-up hashing only. */
    String digits() {
        return digits;
    }

    private static int centuryOf(char genderDigit) {
        return switch (genderDigit) {
            case '1', '2', '5', '6' -> 1900;
            case '3', '4', '7', '8' -> 2000;
            case '9', '0' -> 1800;
            default -> throw new IllegalArgumentException("Invalid 7th digit of a resident registration number.");
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentRegistrationNumber other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    @Override
    public String toString() {
        return masked();
    }
}
