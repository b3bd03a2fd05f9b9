package kr.civilportal.residency.rrn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentRegistrationNumberTest {

    @Test
    void parsesWithOrWithoutHyphenAndDerivesTheBirthDate() {
        ResidentRegistrationNumber a = ResidentRegistrationNumber.parse("900315-2123451");
        assertEquals(a, ResidentRegistrationNumber.parse("9003152123451"));
        assertEquals(LocalDate.of(1990, 3, 15), a.birthDate());
        assertEquals(LocalDate.of(2015, 9, 21), ResidentRegistrationNumber.parse("150921-4345679").birthDate());
    }

    @Test
    void rejectsWhatCannotBeANumberWithoutQuotingIt() {
        for (String bad : new String[] {"900315-212345", "901315-2123451", "900230-1234567", "900315-A123457", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ResidentRegistrationNumber.parse(bad));
            if (!bad.isEmpty()) {
                assertFalse(e.getMessage().contains(bad), "error messages never quote the input");
            }
        }
    }

    @Test
    void aWrongCheckDigitIsRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResidentRegistrationNumber.parse("900315-2123457"));
        assertEquals("The check digit of the resident registration number is wrong.", e.getMessage());
    }

    @Test
    void storedNumbersFromBeforeTheCheckAreStillReadable() {
        assertEquals("900315-2******", ResidentRegistrationNumber.parseStored("900315-2123457").masked());
    }

    @Test
    void printsMasked() {
        assertEquals("900315-2******", ResidentRegistrationNumber.parse("900315-2123451").toString());
    }
}
