package kr.civilportal.land.pnu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** PNU ⇄ parts ⇄ lot address, for any lot: what the register and the search rely on. */
class PnuPropertiesTest {

    /** Legal-dong names as the register writes them: 시도 시군구 읍면동 [리]. */
    private static final String[] DONG_NAMES = {"서울특별시 종로구 청운동", "경기도 가평군 가평읍 읍내리",
            "부산광역시 중구 영주동", "대구광역시 중구 동인동1가", "충청북도 청주시 상당구 낭성면 관정리"};

    @Provide
    Arbitrary<String> legalDongCodes() {
        return Arbitraries.strings().numeric().ofLength(Pnu.LEGAL_DONG_CODE_LENGTH);
    }

    @Provide
    Arbitrary<Pnu> pnus() {
        return Combinators.combine(legalDongCodes(), Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 9999), Arbitraries.integers().between(0, 9999)).as(Pnu::of);
    }

    @Property
    void parsingTheDigitsGivesTheSamePnu(@ForAll("pnus") Pnu pnu) {
        assertEquals(pnu, Pnu.parse(pnu.value()));
        assertEquals(pnu.value(), Pnu.parse(pnu.value()).value());
    }

    @Property
    void thePartsRebuildThePnu(@ForAll("pnus") Pnu pnu) {
        assertEquals(pnu, Pnu.of(pnu.legalDongCode(), pnu.isMountain(), pnu.mainNumber(), pnu.subNumber()));
        assertEquals(pnu, Pnu.of(pnu.legalDongCode(), pnu.lot()));
        assertEquals(Pnu.LENGTH, pnu.value().length());
    }

    @Property
    void theWrittenLotNumberReadsBackAsTheSameLot(@ForAll("pnus") Pnu pnu) {
        assertEquals(pnu.lot(), LotNumber.parse(pnu.lotNumber()));
    }

    @Property
    void theLotAddressReadsBackAsTheSameDongAndLot(@ForAll("pnus") Pnu pnu, @ForAll @IntRange(min = 0, max = 4) int dong) {
        String name = DONG_NAMES[dong];
        LotAddress address = LotAddress.parse(pnu.lotAddress(name));
        assertEquals(name, address.legalDongName());
        assertEquals(pnu, Pnu.of(pnu.legalDongCode(), address.lot()));
        assertEquals(pnu.lotAddress(name), address.format());
    }

    @Property
    void anExplicitZeroSubNumberIsTheSameLot(@ForAll("pnus") Pnu pnu) {
        String written = (pnu.isMountain() ? "산 " : "") + pnu.mainNumber() + "-" + pnu.subNumber();
        assertEquals(pnu.lot(), LotNumber.parse(written));
        assertEquals(pnu.lot(), LotNumber.parse(written.replace("산 ", "산")));
    }

    @Property
    void aWrongLengthIsRejected(@ForAll @StringLength(min = 0, max = 40) @CharRange(from = '0', to = '9') String digits) {
        if (digits.length() != Pnu.LENGTH) {
            assertThrows(InvalidPnuException.class, () -> Pnu.parse(digits));
        }
    }

    @Property
    void aNonDigitAnywhereIsRejected(@ForAll("pnus") Pnu pnu, @ForAll @IntRange(min = 0, max = 18) int at,
                                     @ForAll("nonDigits") char c) {
        String broken = pnu.value().substring(0, at) + c + pnu.value().substring(at + 1);
        assertThrows(InvalidPnuException.class, () -> Pnu.parse(broken));
    }

    @Property
    void aLandTypeOtherThan1Or2IsRejected(@ForAll("pnus") Pnu pnu, @ForAll @IntRange(min = 0, max = 9) int type) {
        String changed = pnu.value().substring(0, 10) + type + pnu.value().substring(11);
        if (type == 1 || type == 2) {
            assertEquals(changed, Pnu.parse(changed).value());
        } else {
            assertThrows(InvalidPnuException.class, () -> Pnu.parse(changed));
        }
    }

    @Provide
    Arbitrary<Character> nonDigits() {
        return Arbitraries.chars().filter(c -> c < '0' || c > '9').filter(c -> !Character.isWhitespace(c));
    }
}
