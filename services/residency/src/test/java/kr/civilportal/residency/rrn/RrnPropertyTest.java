package kr.civilportal.residency.rrn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Random;
import kr.civilportal.common.masking.Masking;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the number rules over many generated numbers (seeded, so a failure replays): every valid
 * number parses, every wrong check digit is refused, no message quotes the input, and masking never lets the
 * back digits through, alone or inside text.
 */
class RrnPropertyTest {

    private static final int RUNS = 20_000;
    private static final int[] W = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};

    @Test
    void everyValidNumberBeforeOctober2020ParsesAndAnyOtherCheckDigitIsRefused() {
        Random random = new Random(1);
        for (int i = 0; i < RUNS; i++) {
            LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(
                    (int) (ResidentRegistrationNumber.RANDOM_BACK_DIGITS_FROM.toEpochDay() - LocalDate.of(1900, 1, 1).toEpochDay())));
            String valid = generate(birth, random);
            ResidentRegistrationNumber rrn = ResidentRegistrationNumber.parse(valid);
            assertEquals(birth, rrn.birthDate(), valid);
            assertEquals(rrn, ResidentRegistrationNumber.parse(valid.replace("-", "")));
            int check = valid.charAt(13) - '0';
            String wrong = valid.substring(0, 13) + (check + 1 + random.nextInt(9)) % 10;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ResidentRegistrationNumber.parse(wrong));
            assertFalse(e.getMessage().contains(wrong.substring(7)), "the message never quotes the number");
        }
    }

    @Test
    void numbersAssignedFromOctober2020AndForeignResidentsHaveNoCheckDigitToTest() {
        Random random = new Random(2);
        for (int i = 0; i < 2_000; i++) {
            LocalDate birth = ResidentRegistrationNumber.RANDOM_BACK_DIGITS_FROM.plusDays(random.nextInt(1800));
            String n = String.format("%02d%02d%02d-%d%06d", birth.getYear() % 100, birth.getMonthValue(),
                    birth.getDayOfMonth(), 3 + random.nextInt(2), random.nextInt(1_000_000));
            assertEquals(birth, ResidentRegistrationNumber.parse(n).birthDate());
            String foreign = String.format("%02d%02d%02d-%d%06d", 85, 5, 5, 5 + random.nextInt(2), random.nextInt(1_000_000));
            ResidentRegistrationNumber.parse(foreign);
        }
    }

    @Test
    void impossibleDatesAndFormsAreRefusedWithoutQuotingThem() {
        Random random = new Random(3);
        for (int i = 0; i < RUNS; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(16);
            for (int k = 0; k < length; k++) {
                s.append("0123456789-A ".charAt(random.nextInt(13)));
            }
            String text = s.toString();
            try {
                ResidentRegistrationNumber rrn = ResidentRegistrationNumber.parse(text);
                assertTrue(text.replace("-", "").strip().length() == 13, "only 13 digits can parse");
                assertEquals(rrn.masked(), Masking.rrn(text));
            } catch (IllegalArgumentException e) {
                if (text.strip().length() >= 4) {
                    assertFalse(e.getMessage().contains(text.strip()));
                }
            }
        }
    }

    @Test
    void maskingKeepsOnlyBirthDateAndSexDigitWhereverTheNumberAppears() {
        Random random = new Random(4);
        for (int i = 0; i < RUNS; i++) {
            String n = generate(LocalDate.of(1930, 1, 1).plusDays(random.nextInt(30_000)), random);
            String back = n.substring(8);
            ResidentRegistrationNumber rrn = ResidentRegistrationNumber.parse(n);
            assertEquals(n.substring(0, 8) + "******", rrn.masked());
            assertEquals(rrn.masked(), rrn.toString());
            String line = "조회 실패 rrn=" + (random.nextBoolean() ? n : n.replace("-", "")) + " 사유";
            String masked = Masking.inText(line);
            assertFalse(masked.contains(back), masked);
            assertTrue(masked.contains(n.substring(0, 8) + "******"), masked);
        }
    }

    /** A valid number for a Korean national born on {@code birth}. */
    static String generate(LocalDate birth, Random random) {
        boolean female = random.nextBoolean();
        int g = birth.getYear() >= 2000 ? (female ? 4 : 3) : birth.getYear() >= 1900 ? (female ? 2 : 1) : (female ? 0 : 9);
        String front = String.format("%02d%02d%02d%d%05d", birth.getYear() % 100, birth.getMonthValue(),
                birth.getDayOfMonth(), g, random.nextInt(100_000));
        int sum = 0;
        for (int k = 0; k < 12; k++) {
            sum += (front.charAt(k) - '0') * W[k];
        }
        return front.substring(0, 6) + "-" + front.substring(6) + (11 - sum % 11) % 10;
    }
}
