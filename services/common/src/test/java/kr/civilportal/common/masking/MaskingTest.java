package kr.civilportal.common.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void residentRegistrationNumberKeepsBirthDateAndGenderDigitOnly() {
        assertEquals("900101-1******", Masking.rrn("900101-1234567"));
        assertEquals("900101-1******", Masking.rrn("9001011234567"));
        assertEquals("******-*******", Masking.rrn("not a number"));
    }

    @Test
    void namesKeepFirstAndLastSyllable() {
        assertEquals("홍*동", Masking.name("홍길동"));
        assertEquals("김*", Masking.name("김철"));
        assertEquals("남**수", Masking.name("남궁민수"));
    }

    @Test
    void phoneNumbersHideTheMiddleBlock() {
        assertEquals("010-****-5678", Masking.phone("010-1234-5678"));
        assertEquals("02-***-4567", Masking.phone("021234567"));
    }

    @Test
    void freeTextHasEveryNumberMasked() {
        String line = "lookup failed for 900101-1234567 and 8505052345678, callback 010-9876-5432";
        String masked = Masking.inText(line);
        assertEquals("lookup failed for 900101-1****** and 850505-2******, callback 010-****-5432", masked);
        assertFalse(masked.contains("1234567"));
    }

    @Test
    void internationallyWrittenPhoneNumbersAreMaskedToo() {
        assertEquals("call +82-10-****-5678 or +82-2-***-4567",
                Masking.inText("call +82 10-1234-5678 or +8221234567"));
    }

    @Test
    void longDigitRunsThatAreNotNumbersOfAPersonStay() {
        // A 19-digit land parcel number (PNU) is not personal data and must stay readable in logs.
        assertEquals("pnu 1111010100100010000", Masking.inText("pnu 1111010100100010000"));
    }
}
