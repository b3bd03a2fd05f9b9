package kr.civilportal.land.pnu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LotAddressTest {

    @Test
    void theIssueExampleReadsAsTheLegalDongAndLot1() {
        LotAddress address = LotAddress.parse("서울특별시 종로구 청운동 1-0");
        assertEquals("서울특별시 종로구 청운동", address.legalDongName());
        assertEquals(new LotNumber(false, 1, 0), address.lot());
        assertEquals("1111010100100010000", Pnu.of("1111010100", address.lot()).value());
        // Written back as the register writes it.
        assertEquals("서울특별시 종로구 청운동 1", address.format());
    }

    @Test
    void mountainLotsAndSpacingAreRead() {
        assertEquals(new LotNumber(true, 12, 3), LotAddress.parse("경기도 가평군 가평읍 읍내리 산 12-3").lot());
        assertEquals(new LotNumber(true, 12, 3), LotAddress.parse("  읍내리   산12-3 ").lot());
        assertEquals("읍내리", LotAddress.parse("  읍내리   산12-3 ").legalDongName());
    }

    @Test
    void anAddressWithoutALotNamesOnlyTheDong() {
        LotAddress address = LotAddress.parse("종로구 청운동");
        assertEquals("종로구 청운동", address.legalDongName());
        assertNull(address.lot());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "12-3", "산 12", "청운동 0", "청운동 10000", "청운동 1-10000", "청운동1"})
    void whatIsNotADongFollowedByALotIsRejected(String text) {
        assertThrows(InvalidPnuException.class, () -> LotAddress.parse(text));
    }

    @Test
    void anOverlongAddressIsRejected() {
        assertThrows(InvalidPnuException.class, () -> LotAddress.parse("가".repeat(LotAddress.MAX_LENGTH + 1)));
    }
}
