package kr.civilportal.emergency.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void normalisesMobileNumbersInTheFormsPhonesSend() {
        for (String text : new String[] {"010-1234-5678", "01012345678", "010 1234 5678", " 010-1234-5678 ",
                "+82 10-1234-5678", "+821012345678", "+82 (0)10 1234 5678", "+82-10-1234-5678"}) {
            assertEquals("010-1234-5678", PhoneNumber.parse(text).dialable(), text);
        }
        assertEquals("011-234-5678", PhoneNumber.parse("0112345678").dialable());
        assertEquals("019-1234-5678", PhoneNumber.parse("019-1234-5678").dialable());
    }

    @Test
    void normalisesLandlinesWithTheirAreaCodes() {
        assertEquals("02-123-4567", PhoneNumber.parse("02-123-4567").dialable());
        assertEquals("02-1234-5678", PhoneNumber.parse("(02) 1234-5678").dialable());
        assertEquals("02-123-4567", PhoneNumber.parse("+82 2 123 4567").dialable());
        assertEquals("031-123-4567", PhoneNumber.parse("0311234567").dialable());
        assertEquals("064-1234-5678", PhoneNumber.parse("064-1234-5678").dialable());
        assertEquals("044-123-4567", PhoneNumber.parse("044-123-4567").dialable(), "Sejong");
        assertEquals("070-1234-5678", PhoneNumber.parse("07012345678").dialable());
    }

    @Test
    void rejectsWhatCannotBeCalledBackWithoutQuotingIt() {
        for (String bad : new String[] {
                "12345",             // no prefix
                "010-123-4567",      // 010 numbers have 4 + 4 digits
                "010-1234-56789",    // too long
                "02-12-3456",        // too short
                "039-123-4567",      // no such area code
                "080-123-4567",      // toll-free numbers cannot receive a call-back
                "010-1234-567a",     // letters
                "010.1234.5678",     // dots are not among the separators
                "+1 202 555 0100",   // not a Korean number
                "82-10-1234-5678",   // country code without +
                "--"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PhoneNumber.parse(bad), bad);
            if (bad.length() > 2) {
                assertFalse(e.getMessage().contains(bad), "error messages never quote the input");
            }
            assertTrue(PhoneNumber.problemWith(bad).isPresent(), bad);
        }
        assertTrue(PhoneNumber.problemWith(null).isPresent());
        assertTrue(PhoneNumber.problemWith("  ").isPresent());
        assertTrue(PhoneNumber.problemWith("010-1234-5678").isEmpty());
    }

    @Test
    void explainsWhichRuleFailed() {
        assertTrue(PhoneNumber.problemWith("abc").orElseThrow().contains("only digits"));
        assertTrue(PhoneNumber.problemWith("080-123-4567").orElseThrow().contains("starts with"));
        assertTrue(PhoneNumber.problemWith("010-123-4567").orElseThrow().contains("digits"));
    }

    @Test
    void printsMasked() {
        assertEquals("010-****-5678", PhoneNumber.parse("01012345678").toString());
        assertEquals("02-***-4567", PhoneNumber.parse("02-123-4567").masked());
        assertEquals(PhoneNumber.parse("010 1234 5678"), PhoneNumber.parse("+82 10-1234-5678"));
    }
}
