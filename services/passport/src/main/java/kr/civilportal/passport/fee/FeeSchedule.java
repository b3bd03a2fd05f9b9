package kr.civilportal.passport.fee;

import java.time.LocalDate;
import java.util.Objects;
import kr.civilportal.passport.application.ApplicationKind;
import kr.civilportal.passport.application.Validity;

/**
 * The passport fee table (여권 발급 비용) for electronic multiple-journey passports (전자 복수여권): the issuance
 * fee (여권발급수수료, 여권법 시행규칙) plus the international exchange contribution (국제교류기여금, 한국국제교류재단법
 * 시행령), as the Ministry of Foreign Affairs publishes them (외교부 여권안내 "여권 수수료", passport.go.kr).
 * The table changed twice recently, so the fee is that of the day the application was submitted:
 * <pre>
 *                         until 2024-06-30        2024-07-01 .. 2026-02-28   from 2026-03-01
 *   10 years, 58 pages    38,000 + 15,000 = 53,000  38,000 + 12,000 = 50,000  40,000 + 12,000 = 52,000
 *   10 years, 26 pages    35,000 + 15,000 = 50,000  35,000 + 12,000 = 47,000  37,000 + 12,000 = 49,000
 *    5 years, 58 pages    33,000 + 12,000 = 45,000  33,000 +  9,000 = 42,000  35,000 +  9,000 = 44,000
 *    5 years, 26 pages    30,000 + 12,000 = 42,000  30,000 +  9,000 = 39,000  32,000 +  9,000 = 41,000
 * </pre>
 * 2024-07-01: the contribution was cut by 3,000 won (한국국제교류재단법 시행령 개정; e.g. suncheon.go.kr "여권 수수료
 * 안내(2024. 7. 1. ~)"). 2026-03-01: the issuance fee rose by 2,000 won, the first rise in 20 years (외교부,
 * reported by 동아일보 2026-02-23).
 *
 * <p>Anyone 18 or older gets a 10-year passport (여권법 시행령 제6조), so a 5-year multiple passport is a minor's;
 * the 5-year rates above are those for ages 8 to 17. Not modelled, because the application does not carry
 * what they depend on: children under 8 (no contribution: 35,000 / 32,000 from 2026-03-01), which needs the
 * age from residency; the remaining-validity reissue (남은 유효기간 부여 여권); single passports and the travel
 * certificate (여행증명서), which are not an {@link ApplicationKind}. A reissue (재발급) of a full-validity
 * passport costs the same as a new one, so the kind does not change the fee.
 */
public final class FeeSchedule {

    /** The contribution cut (국제교류기여금 인하). */
    public static final LocalDate CONTRIBUTION_CUT = LocalDate.of(2024, 7, 1);
    /** The issuance fee rise (발급수수료 인상). */
    public static final LocalDate ISSUANCE_RISE = LocalDate.of(2026, 3, 1);

    private FeeSchedule() {
    }

    /** @param submittedOn the day of the application, in Korea */
    public static Fee feeOf(ApplicationKind kind, Validity validity, int pages, LocalDate submittedOn) {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(validity);
        Objects.requireNonNull(submittedOn);
        if (pages != 58 && pages != 26) {
            throw new IllegalArgumentException("No passport booklet has " + pages + " pages");
        }
        boolean tenYears = validity == Validity.TEN_YEARS;
        // Issuance fees before the rise: 38,000 / 35,000 (10 years), 33,000 / 30,000 (5 years), 58 / 26 pages.
        int issuance = (tenYears ? 38_000 : 33_000) - (pages == 26 ? 3_000 : 0);
        if (!submittedOn.isBefore(ISSUANCE_RISE)) {
            issuance += 2_000;
        }
        int contribution = tenYears ? 15_000 : 12_000;
        if (!submittedOn.isBefore(CONTRIBUTION_CUT)) {
            contribution -= 3_000;
        }
        return Fee.of(issuance, contribution);
    }
}
