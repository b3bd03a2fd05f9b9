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
 * <p>Anyone 18 or older gets a 10-year passport (여권법 시행령 제6조), so a 5-year multiple passport is a minor's.
 * Children under 8 pay no contribution (만 8세 미만: 국제교류기여금 면제), in every version of the table: 5 years
 * 58 pages 33,000 / 26 pages 30,000 until 2026-02-28, 35,000 / 32,000 from 2026-03-01 (the issuance rise). The
 * age is that on the day of the application, from the birth date residency gave at the identity check; while the
 * check is pending the 8-and-over row is charged as a ceiling ({@code feeConfirmed} false in the view).
 *
 * <p>The travel certificate (여행증명서, 여권법 제14조: single use, in place of a passport, e.g. for an urgent
 * journey): 23,000 won issuance fee with no contribution since 2024-07-01, when the 2,000-won contribution on
 * travel certificates was waived (한국국제교류재단법 시행령 개정; reported e.g. by 투어코리아 2024-06-11). Not
 * confirmed: the amount before 2024-07-01 (modelled as 23,000 + 2,000; an older table shows 5,000 + 2,000 for
 * the photo-attached kind, so the issuance fee changed at some date not modelled), and whether the 2026-03-01
 * rise touched it (modelled as unchanged). Not modelled: the remaining-validity reissue (남은 유효기간 부여 여권,
 * 25,000) and single passports (단수여권), which are not an {@link ApplicationKind}/{@link Validity}. A reissue
 * (재발급) of a full-validity passport costs the same as a new one, so the kind does not change the fee.
 */
public final class FeeSchedule {

    /** The contribution cut (국제교류기여금 인하). */
    public static final LocalDate CONTRIBUTION_CUT = LocalDate.of(2024, 7, 1);
    /** The issuance fee rise (발급수수료 인상). */
    public static final LocalDate ISSUANCE_RISE = LocalDate.of(2026, 3, 1);

    private FeeSchedule() {
    }

    /** Children under this age pay no contribution (만 8세 미만). */
    public static final int CONTRIBUTION_FREE_UNDER = 8;
    /** 여행증명서: issuance fee, and the contribution charged until the cut. */
    static final int TRAVEL_CERTIFICATE_FEE = 23_000;
    static final int TRAVEL_CERTIFICATE_CONTRIBUTION_BEFORE_CUT = 2_000;

    /** A passport's fee at the 8-and-over rate (the age not known). @param submittedOn the day, in Korea */
    public static Fee feeOf(ApplicationKind kind, Validity validity, int pages, LocalDate submittedOn) {
        return feeOf(kind, validity, Integer.valueOf(pages), submittedOn, null);
    }

    /**
     * @param pages       26 or 58 for a passport, null for a travel certificate
     * @param submittedOn the day of the application, in Korea
     * @param birthDate   the applicant's, from residency; null when not known yet (the 8-and-over row applies)
     */
    public static Fee feeOf(ApplicationKind kind, Validity validity, Integer pages, LocalDate submittedOn,
                            LocalDate birthDate) {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(validity);
        Objects.requireNonNull(submittedOn);
        if (!validity.hasBooklet()) {
            if (pages != null) {
                throw new IllegalArgumentException("A travel certificate has no pages");
            }
            return Fee.of(TRAVEL_CERTIFICATE_FEE,
                    submittedOn.isBefore(CONTRIBUTION_CUT) ? TRAVEL_CERTIFICATE_CONTRIBUTION_BEFORE_CUT : 0);
        }
        if (pages == null || (pages != 58 && pages != 26)) {
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
        if (!tenYears && birthDate != null && ageOn(birthDate, submittedOn) < CONTRIBUTION_FREE_UNDER) {
            contribution = 0;
        }
        return Fee.of(issuance, contribution);
    }

    /** Completed years (만 나이) on the day. */
    static int ageOn(LocalDate birthDate, LocalDate day) {
        return java.time.Period.between(birthDate, day).getYears();
    }
}
