package kr.civilportal.land.pnu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PnuTest {

    @Test
    void splitsIntoLegalDongLandTypeAndLotNumbers() {
        Pnu pnu = Pnu.parse("1111010100100010000");
        assertEquals("1111010100100010000", pnu.value());
        assertEquals("1111010100", pnu.legalDongCode());
        assertEquals("11110", pnu.sigunguCode());
        assertFalse(pnu.isMountain());
        assertEquals(1, pnu.mainNumber());
        assertEquals(0, pnu.subNumber());
    }

    @Test
    void aMountainLotHasLandType2() {
        Pnu pnu = Pnu.parse("4182025021200120003");
        assertTrue(pnu.isMountain());
        assertEquals(12, pnu.mainNumber());
        assertEquals(3, pnu.subNumber());
    }

    @Test
    void lotNumbersAreWrittenAsOnTheRegister() {
        assertEquals("1", Pnu.parse("1111010100100010000").lotNumber());
        assertEquals("2-3", Pnu.parse("1111010100100020003").lotNumber());
        assertEquals("산 12-3", Pnu.parse("4182025021200120003").lotNumber());
        assertEquals("산 1", Pnu.parse("1111010100200010000").lotNumber());
        assertEquals("9999-9999", Pnu.parse("1111010100199999999").lotNumber());
    }

    @Test
    void theLotAddressIsTheLegalDongFollowedByTheLotNumber() {
        assertEquals("서울특별시 종로구 청운동 1",
                Pnu.parse("1111010100100010000").lotAddress("서울특별시 종로구 청운동"));
        assertEquals("경기도 가평군 가평읍 읍내리 산 12-3",
                Pnu.parse("4182025021200120003").lotAddress("경기도 가평군 가평읍 읍내리 "));
    }

    @Test
    void surroundingBlanksAreIgnored() {
        assertEquals(Pnu.parse("1111010100100010000"), Pnu.parse(" 1111010100100010000\n"));
    }

    @Test
    void ofBuildsThePnuOfALot() {
        assertEquals(Pnu.parse("4182025021200120003"), Pnu.of("4182025021", true, 12, 3));
        assertEquals("1111010100100010000", Pnu.of("1111010100", false, 1, 0).toString());
        assertThrows(InvalidPnuException.class, () -> Pnu.of("111101010", false, 1, 0));
        assertThrows(InvalidPnuException.class, () -> Pnu.of("1111010100", false, 0, 0));
        assertThrows(InvalidPnuException.class, () -> Pnu.of("1111010100", false, 1, 10000));
        assertThrows(InvalidPnuException.class, () -> Pnu.of("1111010100", false, 1, -1));
    }

    @Test
    void equalityIsByDigits() {
        assertEquals(Pnu.parse("1168010100106350000").hashCode(), Pnu.parse("1168010100106350000").hashCode());
        assertNotEquals(Pnu.parse("1168010100106350000"), Pnu.parse("1168010100206350000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",                       // empty
            "   ",                    // blank
            "111101010010001000",     // 18 digits
            "11110101001000100000",   // 20 digits
            "1111010100-1-0001-0000", // separators
            "11110101001000A0000",    // a letter
            "１１１１０１０１００１０００１００００", // full-width digits
            "111101010010001000 0",   // a blank inside
            "1111010100000010000",    // land type 0
            "1111010100300010000",    // land type 3
            "1111010100900010000",    // land type 9
            "1111010100100000000",    // main lot number 0000
            "1111010100200000005",    // main lot number 0000 on a mountain lot
    })
    void rejectsWhatIsNotAPnu(String text) {
        InvalidPnuException e = assertThrows(InvalidPnuException.class, () -> Pnu.parse(text));
        assertFalse(e.getMessage().isBlank());
        assertFalse(e.detailKo().isBlank());
        if (!text.isBlank()) {
            assertFalse(e.getMessage().contains(text.strip()), "messages never quote the input");
        }
    }

    @Test
    void rejectsNull() {
        assertThrows(InvalidPnuException.class, () -> Pnu.parse(null));
    }

    @Test
    void saysWhichRuleIsBroken() {
        assertTrue(messageFor("1234").contains("19 digits"));
        assertTrue(messageFor("11110101001000A0000").contains("digits only"));
        assertTrue(messageFor("1111010100300010000").contains("land type"));
        assertTrue(messageFor("1111010100100000000").contains("main lot number"));
    }

    private static String messageFor(String text) {
        return assertThrows(InvalidPnuException.class, () -> Pnu.parse(text)).getMessage();
    }
}
