package kr.civilportal.passport.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import kr.civilportal.passport.application.ApplicationKind;
import kr.civilportal.passport.application.Validity;
import org.junit.jupiter.api.Test;

class FeeScheduleTest {

    private static final LocalDate NOW = LocalDate.of(2026, 11, 24);
    private static final LocalDate MID_2025 = LocalDate.of(2025, 5, 1);
    private static final LocalDate IN_2019 = LocalDate.of(2019, 6, 10);

    @Test
    void theTableInForceSinceMarch2026() {
        assertEquals(new Fee(52_000, 40_000, 12_000), fee(Validity.TEN_YEARS, 58, NOW));
        assertEquals(new Fee(49_000, 37_000, 12_000), fee(Validity.TEN_YEARS, 26, NOW));
        assertEquals(new Fee(44_000, 35_000, 9_000), fee(Validity.FIVE_YEARS, 58, NOW));
        assertEquals(new Fee(41_000, 32_000, 9_000), fee(Validity.FIVE_YEARS, 26, NOW));
    }

    @Test
    void theTableAfterTheContributionCutOfJuly2024() {
        assertEquals(new Fee(50_000, 38_000, 12_000), fee(Validity.TEN_YEARS, 58, MID_2025));
        assertEquals(new Fee(47_000, 35_000, 12_000), fee(Validity.TEN_YEARS, 26, MID_2025));
        assertEquals(new Fee(42_000, 33_000, 9_000), fee(Validity.FIVE_YEARS, 58, MID_2025));
        assertEquals(new Fee(39_000, 30_000, 9_000), fee(Validity.FIVE_YEARS, 26, MID_2025));
    }

    @Test
    void theTableBeforeJuly2024() {
        assertEquals(new Fee(53_000, 38_000, 15_000), fee(Validity.TEN_YEARS, 58, IN_2019));
        assertEquals(new Fee(50_000, 35_000, 15_000), fee(Validity.TEN_YEARS, 26, IN_2019));
        assertEquals(new Fee(45_000, 33_000, 12_000), fee(Validity.FIVE_YEARS, 58, IN_2019));
        assertEquals(new Fee(42_000, 30_000, 12_000), fee(Validity.FIVE_YEARS, 26, IN_2019));
    }

    @Test
    void eachChangeAppliesFromItsFirstDay() {
        assertEquals(53_000, fee(Validity.TEN_YEARS, 58, LocalDate.of(2024, 6, 30)).totalKrw());
        assertEquals(50_000, fee(Validity.TEN_YEARS, 58, LocalDate.of(2024, 7, 1)).totalKrw());
        assertEquals(50_000, fee(Validity.TEN_YEARS, 58, LocalDate.of(2026, 2, 28)).totalKrw());
        assertEquals(52_000, fee(Validity.TEN_YEARS, 58, LocalDate.of(2026, 3, 1)).totalKrw());
    }

    @Test
    void aReissueCostsTheSameAsANewPassport() {
        for (Validity v : Validity.values()) {
            for (int pages : new int[] {26, 58}) {
                assertEquals(FeeSchedule.feeOf(ApplicationKind.NEW, v, pages, NOW),
                        FeeSchedule.feeOf(ApplicationKind.REISSUE, v, pages, NOW));
            }
        }
    }

    @Test
    void aBookletThatDoesNotExistHasNoFee() {
        assertThrows(IllegalArgumentException.class, () -> fee(Validity.TEN_YEARS, 30, NOW));
        assertThrows(NullPointerException.class, () -> fee(null, 58, NOW));
        assertThrows(NullPointerException.class, () -> fee(Validity.TEN_YEARS, 58, null));
    }

    private static Fee fee(Validity validity, int pages, LocalDate on) {
        return FeeSchedule.feeOf(ApplicationKind.NEW, validity, pages, on);
    }
}
