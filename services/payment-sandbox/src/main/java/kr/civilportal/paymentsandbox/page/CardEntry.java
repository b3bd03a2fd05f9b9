package kr.civilportal.paymentsandbox.page;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The card fields typed on the hosted page, checked and reduced at once to what may be kept: the brand and the last
 * four digits. The number, expiry and CVC live only in this request and are never stored, logged or shown again.
 */
final class CardEntry {

    /** The contract's test cards: this one is approved... */
    static final String APPROVED_CARD = "4242424242424242";
    /** ...and this one is declined by the card company. */
    static final String DECLINED_CARD = "4000000000000002";
    private static final int MIN_DIGITS = 12;
    private static final int MAX_DIGITS = 19;
    private static final int LAST_DIGITS = 4;
    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    enum Outcome { APPROVED, DECLINED, NOT_A_TEST_CARD }

    /** Field name → Korean and English message, for the page to show beside each field. */
    final Map<String, String[]> errors = new LinkedHashMap<>();
    private final String digits;

    CardEntry(String cardNumber, String expiry, String cvc) {
        digits = cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{" + MIN_DIGITS + "," + MAX_DIGITS + "}") || !luhn(digits)) {
            errors.put("cardNumber", new String[] {"카드 번호를 확인해 주세요.", "Check the card number."});
        }
        if (!validExpiry(expiry)) {
            errors.put("expiry", new String[] {"유효기간을 MM/YY 형식의 지나지 않은 날짜로 입력해 주세요.",
                    "Enter an expiry date in MM/YY that has not passed."});
        }
        if (cvc == null || !cvc.trim().matches("\\d{3}")) {
            errors.put("cvc", new String[] {"CVC 3자리를 입력해 주세요.", "Enter the 3-digit CVC."});
        }
    }

    boolean valid() {
        return errors.isEmpty();
    }

    Outcome outcome() {
        return switch (digits) {
            case APPROVED_CARD -> Outcome.APPROVED;
            case DECLINED_CARD -> Outcome.DECLINED;
            default -> Outcome.NOT_A_TEST_CARD;
        };
    }

    /** What the payment keeps of the card, e.g. "VISA **** 4242". */
    String summary() {
        return brand() + " **** " + digits.substring(digits.length() - LAST_DIGITS);
    }

    private String brand() {
        if (digits.startsWith("4")) {
            return "VISA";
        }
        if (digits.matches("5[1-5].*|2[2-7].*")) {
            return "MASTERCARD";
        }
        if (digits.matches("3[47].*")) {
            return "AMEX";
        }
        return "CARD";
    }

    private static boolean validExpiry(String expiry) {
        if (expiry == null || !expiry.trim().matches("(0[1-9]|1[0-2])\\s*/\\s*\\d{2}")) {
            return false;
        }
        String[] parts = expiry.trim().split("\\s*/\\s*");
        YearMonth month = YearMonth.of(2000 + Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
        return !month.isBefore(YearMonth.now(KOREA));
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
