package kr.civilportal.notification.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Korean mobile numbers only; plain Java. */
class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"010-1234-5678", "01012345678", " 010-1234-5678 ", "0101234-5678"})
    void mobileNumbersBecomeDigits(String input) {
        assertEquals(Optional.of("01012345678"), PhoneNumbers.mobileDigits(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"02-123-4567", "0212345678", "031-123-4567", "070-1234-5678", "1588-1234", "010-123",
            "+821012345678", ""})
    void landlinesAndTheRestAreNot(String input) {
        assertTrue(PhoneNumbers.mobileDigits(input).isEmpty(), input);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01012345678", "0111234567"})
    void maskedKeepsOnlyThePrefixAndTheLastFour(String digits) {
        String masked = PhoneNumbers.mask(digits);
        assertTrue(masked.matches("01[01]-\\*{3,4}-\\d{4}"), masked);
        assertTrue(masked.endsWith(digits.substring(digits.length() - 4)));
    }
}
