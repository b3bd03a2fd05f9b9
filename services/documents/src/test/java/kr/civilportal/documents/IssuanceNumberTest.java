package kr.civilportal.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Property tests over many generated numbers (seeded, so a failure can be replayed). */
class IssuanceNumberTest {

    @Test
    void everyGeneratedNumberReadsBackInEitherForm() {
        Set<IssuanceNumber> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            IssuanceNumber n = IssuanceNumber.generate();
            String printed = n.formatted();
            assertTrue(printed.matches("[1-9]\\d{3}-\\d{4}-\\d{4}-\\d{4}"), printed);
            assertEquals(n, IssuanceNumber.parse(printed).orElseThrow());
            assertEquals(n, IssuanceNumber.parse(" " + printed.replace("-", "") + " ").orElseThrow());
            seen.add(n);
        }
        assertEquals(10_000, seen.size(), "numbers do not repeat");
    }

    @Test
    void anySingleMistypedDigitIsCaughtByTheCheckDigit() {
        Random random = new Random(20260101);
        for (int i = 0; i < 2_000; i++) {
            char[] digits = IssuanceNumber.generate().formatted().replace("-", "").toCharArray();
            int at = random.nextInt(16);
            char original = digits[at];
            char typo = (char) ('0' + (original - '0' + 1 + random.nextInt(9)) % 10);
            digits[at] = typo;
            assertFalse(IssuanceNumber.parse(new String(digits)).isPresent(), "one wrong digit at " + at);
        }
    }

    @Test
    void adjacentSwapsAreCaughtExceptTheLuhnBlindSpot() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            char[] digits = IssuanceNumber.generate().formatted().replace("-", "").toCharArray();
            int at = random.nextInt(15);
            if (digits[at] == digits[at + 1] || (digits[at] - '0') + (digits[at + 1] - '0') == 9
                    && Math.abs(digits[at] - digits[at + 1]) == 9) {
                continue; // equal digits, or 09/90 which Luhn cannot see
            }
            char t = digits[at];
            digits[at] = digits[at + 1];
            digits[at + 1] = t;
            assertFalse(IssuanceNumber.parse(new String(digits)).isPresent());
        }
    }

    @Test
    void malformedTextIsNotANumber() {
        for (String bad : new String[] {null, "", "1234", "1234-5678-9012-345", "1234-5678-9012-34567",
                "abcd-efgh-ijkl-mnop", "1234_5678_9012_3456", "１２３４-５６７８-９０１２-３４５６"}) {
            assertFalse(IssuanceNumber.parse(bad).isPresent(), String.valueOf(bad));
        }
    }

    @Test
    void luhnCheckDigitMatchesAKnownValue() {
        // The textbook Luhn example: 7992739871 has check digit 3.
        assertEquals(3, IssuanceNumber.checkDigit("7992739871"));
    }
}
