package kr.civilportal.documents;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The issuance number (문서확인번호) printed on a verifiable document: 16 digits in four groups
 * ({@code 1234-5678-9012-3452}), 15 random digits and a Luhn check digit. The check digit lets the
 * verification page tell a mistyped number from an unknown one without a database look-up, and 10^15
 * random values make guessing a real number hopeless (verification is rate-limited as well).
 */
public final class IssuanceNumber {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}-?\\d{4}-?\\d{4}-?\\d{4}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String digits;

    private IssuanceNumber(String digits) {
        this.digits = digits;
    }

    /** A fresh random number with its check digit. */
    public static IssuanceNumber generate() {
        StringBuilder body = new StringBuilder(16);
        // No leading zero, so the number never looks shorter when a clerk reads it out.
        body.append(1 + RANDOM.nextInt(9));
        for (int i = 1; i < 15; i++) {
            body.append(RANDOM.nextInt(10));
        }
        return new IssuanceNumber(body.append(checkDigit(body)).toString());
    }

    /**
     * Reads a number as typed (with or without hyphens, surrounding spaces ignored); empty when its form or
     * check digit is wrong.
     */
    public static Optional<IssuanceNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (!FORMAT.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        String digits = trimmed.replace("-", "");
        if (checkDigit(digits.substring(0, 15)) != digits.charAt(15) - '0') {
            return Optional.empty();
        }
        return Optional.of(new IssuanceNumber(digits));
    }

    /** The Luhn check digit of the given digits (the digit to append). */
    static int checkDigit(CharSequence body) {
        int sum = 0;
        boolean doubled = true; // the rightmost body digit is doubled once the check digit follows it
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    /** {@code 1234-5678-9012-3452}: the printed and stored form. */
    public String formatted() {
        return digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-" + digits.substring(8, 12) + "-"
                + digits.substring(12);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IssuanceNumber other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return formatted();
    }
}
