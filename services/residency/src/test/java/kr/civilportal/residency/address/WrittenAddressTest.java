package kr.civilportal.residency.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The road-name part of an address as people write it, read without the register (no Quarkus, no database). */
class WrittenAddressTest {

    static WrittenAddress read(String written) {
        return WrittenAddress.read(written).orElseThrow(() -> new AssertionError("not read: " + written));
    }

    static RoadNameAddress row(String province, String district, String road, boolean underground, int main, int sub) {
        RoadNameAddress r = new RoadNameAddress();
        r.province = province;
        r.district = district;
        r.roadName = road;
        r.underground = underground;
        r.mainNumber = main;
        r.subNumber = sub;
        return r;
    }

    final RoadNameAddress governmentComplex = row("서울특별시", "종로구", "세종대로", false, 209, 0);

    @Test
    void anAddressInFullIsItsProvinceDistrictRoadAndNumber() {
        WrittenAddress a = read("서울특별시 종로구 세종대로 209");
        assertEquals("서울특별시", a.province());
        assertEquals(List.of("종로구"), a.district());
        assertEquals("세종대로", a.roadName());
        assertFalse(a.underground());
        assertEquals(209, a.mainNumber());
        assertEquals(0, a.subNumber());
        assertEquals(Optional.empty(), a.detail());
        assertTrue(a.names(governmentComplex));
    }

    @Test
    void theDetailIsWhatFollowsTheFirstComma() {
        WrittenAddress a = read("서울특별시 종로구 세종대로 209, 101동 1203호, 관리실 옆");
        assertEquals(Optional.of("101동 1203호, 관리실 옆"), a.detail());
        assertEquals(Optional.empty(), read("서울특별시 종로구 세종대로 209,  ").detail());
        assertTrue(a.names(governmentComplex));
    }

    @Test
    void aShortenedOrGluedProvinceReadsInFull() {
        assertTrue(read("서울 종로구 세종대로 209").names(governmentComplex));
        assertTrue(read("서울시 종로구 세종대로 209").names(governmentComplex));
        assertTrue(read("서울특별시종로구 세종대로 209").names(governmentComplex));
        assertTrue(read("서울 특별시 종로구 세종대로 209").names(governmentComplex));
        assertTrue(read("서울 종로 세종대로 209").names(governmentComplex), "a district without its 구");
    }

    @Test
    void fullWidthSpacesAndBracketsAreSpacesAndBrackets() {
        assertTrue(read("서울특별시\u3000종로구\u00a0세종대로 209").names(governmentComplex));
        WrittenAddress a = read("서울특별시 종로구 세종대로 209（세종로），101동");
        assertTrue(a.names(governmentComplex));
        assertEquals(Optional.of("101동"), a.detail());
    }

    @Test
    void aPostalCodeOrTheCountryFirstIsLeftOut() {
        assertTrue(read("(03171) 서울특별시 종로구 세종대로 209").names(governmentComplex));
        assertTrue(read("03171 서울특별시 종로구 세종대로 209").names(governmentComplex));
        assertTrue(read("대한민국 서울특별시 종로구 세종대로 209").names(governmentComplex));
    }

    @Test
    void theReferenceInBracketsIsNotPartOfTheAddressEvenWithACommaInside() {
        WrittenAddress a = read("서울특별시 종로구 세종대로 209 (세종로, 정부서울청사), 별관 3층");
        assertTrue(a.names(governmentComplex));
        assertEquals(Optional.of("별관 3층"), a.detail());
        assertEquals(Optional.of("101동 1203호"), read("서울특별시 종로구 세종대로 209 (세종로), 101동 1203호").detail());
    }

    @Test
    void undergroundAndSubNumbersAreTheRegistersToo() {
        WrittenAddress station = read("서울특별시 종로구 종로 지하 55");
        assertTrue(station.underground());
        assertTrue(station.names(row("서울특별시", "종로구", "종로", true, 55, 0)));
        assertFalse(station.names(row("서울특별시", "종로구", "종로", false, 55, 0)), "지하 is another entrance");

        WrittenAddress sub = read("부산광역시 해운대구 해운대해변로 209-1, 2층");
        assertEquals(209, sub.mainNumber());
        assertEquals(1, sub.subNumber());
        assertTrue(sub.names(row("부산광역시", "해운대구", "해운대해변로", false, 209, 1)));
        assertFalse(sub.names(row("부산광역시", "해운대구", "해운대해변로", false, 209, 0)));
        assertTrue(read("부산광역시 해운대구 해운대해변로 209-0").names(row("부산광역시", "해운대구", "해운대해변로", false,
                209, 0)), "부번 0 is no 부번");
    }

    @Test
    void aNumberTypedAgainstItsRoadIsReadApart() {
        assertTrue(read("서울특별시 종로구 세종대로209").names(governmentComplex));
        assertTrue(read("서울특별시 종로구 종로지하55").names(row("서울특별시", "종로구", "종로", true, 55, 0)));
    }

    @Test
    void aCityWithItsDistrictAndAProvinceWithoutOneAreReadWordForWord() {
        RoadNameAddress pangyo = row("경기도", "성남시 분당구", "판교역로", false, 235, 0);
        assertTrue(read("경기도 성남시 분당구 판교역로 235, 704호").names(pangyo));
        assertTrue(read("경기 성남시 분당구 판교역로 235").names(pangyo));
        assertFalse(read("경기도 분당구 판교역로 235").names(pangyo), "the city is part of the district");
        RoadNameAddress cityHall = row("세종특별자치시", "", "한누리대로", false, 2130, 0);
        assertTrue(read("세종특별자치시 한누리대로 2130").names(cityHall));
        assertTrue(read("세종 한누리대로 2130").names(cityHall));
    }

    @Test
    void anotherDistrictRoadOrNumberIsAnotherAddress() {
        assertFalse(read("서울특별시 중구 세종대로 209").names(governmentComplex));
        assertFalse(read("서울특별시 종로구 세종대로 210").names(governmentComplex));
        assertFalse(read("서울특별시 종로구 세종로 209").names(governmentComplex));
        assertFalse(read("부산광역시 종로구 세종대로 209").names(governmentComplex));
        assertFalse(read("서울특별시 세종대로 209").names(governmentComplex), "no district");
    }

    @Test
    void whatIsNotARoadNameAddressIsNotRead() {
        for (String written : new String[] {null, "", "   ", "서울특별시 종로구", "서울특별시 종로구 세종대로",
                "세종대로 209", "서울특별시 종로구 청운동 1-", ", 101동", "209"}) {
            assertEquals(Optional.empty(), WrittenAddress.read(written), String.valueOf(written));
        }
    }
}
