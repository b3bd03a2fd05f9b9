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
        for (Validity v : new Validity[] {Validity.TEN_YEARS, Validity.FIVE_YEARS}) {
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

    @Test
    void childrenUnderEightPayNoContributionForAFiveYearPassport() {
        LocalDate sevenOnTheDay = NOW.minusYears(8).plusDays(1); // turns 8 tomorrow
        LocalDate eightOnTheDay = NOW.minusYears(8);             // turns 8 today
        assertEquals(new Fee(35_000, 35_000, 0), child(58, NOW, sevenOnTheDay));
        assertEquals(new Fee(32_000, 32_000, 0), child(26, NOW, sevenOnTheDay));
        assertEquals(new Fee(44_000, 35_000, 9_000), child(58, NOW, eightOnTheDay));
        assertEquals(new Fee(33_000, 33_000, 0), child(58, MID_2025, MID_2025.minusYears(3)));
        assertEquals(new Fee(30_000, 30_000, 0), child(26, IN_2019, IN_2019.minusYears(3)));
        // Unknown age (identity check pending): the 8-and-over row, never less than the final fee.
        assertEquals(new Fee(44_000, 35_000, 9_000), child(58, NOW, null));
    }

    @Test
    void theAgeDoesNotChangeATenYearPassportsFee() {
        assertEquals(fee(Validity.TEN_YEARS, 58, NOW), FeeSchedule.feeOf(ApplicationKind.NEW, Validity.TEN_YEARS, 58,
                NOW, NOW.minusYears(5)));
    }

    @Test
    void aTravelCertificateHasItsOwnFeeAndNoPages() {
        assertEquals(new Fee(23_000, 23_000, 0), travel(NOW));
        assertEquals(new Fee(23_000, 23_000, 0), travel(LocalDate.of(2024, 7, 1)));
        assertEquals(new Fee(25_000, 23_000, 2_000), travel(LocalDate.of(2024, 6, 30)));
        assertThrows(IllegalArgumentException.class, () -> FeeSchedule.feeOf(ApplicationKind.NEW,
                Validity.TRAVEL_CERTIFICATE, 26, NOW, null));
        assertThrows(IllegalArgumentException.class, () -> FeeSchedule.feeOf(ApplicationKind.NEW,
                Validity.TEN_YEARS, null, NOW, null));
    }

    @Test
    void theAgeIsInCompletedYears() {
        assertEquals(7, FeeSchedule.ageOn(LocalDate.of(2018, 11, 25), LocalDate.of(2026, 11, 24)));
        assertEquals(8, FeeSchedule.ageOn(LocalDate.of(2018, 11, 24), LocalDate.of(2026, 11, 24)));
        assertEquals(7, FeeSchedule.ageOn(LocalDate.of(2019, 2, 28), LocalDate.of(2027, 2, 27)));
    }

    private static Fee child(int pages, LocalDate on, LocalDate born) {
        return FeeSchedule.feeOf(ApplicationKind.NEW, Validity.FIVE_YEARS, pages, on, born);
    }

    private static Fee travel(LocalDate on) {
        return FeeSchedule.feeOf(ApplicationKind.NEW, Validity.TRAVEL_CERTIFICATE, null, on, null);
    }

    private static Fee fee(Validity validity, int pages, LocalDate on) {
        return FeeSchedule.feeOf(ApplicationKind.NEW, validity, pages, on);
    }
}
