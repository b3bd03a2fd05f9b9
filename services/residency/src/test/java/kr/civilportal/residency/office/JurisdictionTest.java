package kr.civilportal.residency.office;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which office an address belongs to, as citizens write addresses. */
class JurisdictionTest {

    final Jurisdiction jurisdiction = new Jurisdiction(Map.of(
            "SEOUL-JONGNO", List.of("서울특별시 종로구"),
            "SEOUL-MAPO", List.of("서울특별시 마포구"),
            "SEJONG", List.of("세종특별자치시"),
            "BUSAN-CITY", List.of("부산광역시"),
            "BUSAN-HAEUNDAE", List.of("부산광역시 해운대구")));

    @Test
    void anAddressGoesToTheOfficeOfItsDistrict() {
        assertEquals(Optional.of("SEOUL-JONGNO"), jurisdiction.officeOf("서울특별시 종로구 세종대로 209 (세종로), 101동 1203호"));
        assertEquals(Optional.of("SEOUL-MAPO"), jurisdiction.officeOf("서울특별시 마포구 월드컵북로 396, 1502호"));
        assertEquals(Optional.of("SEJONG"), jurisdiction.officeOf("세종특별자치시 한누리대로 2130"));
    }

    @Test
    void theMostSpecificRegionWins() {
        assertEquals(Optional.of("BUSAN-HAEUNDAE"), jurisdiction.officeOf("부산광역시 해운대구 센텀중앙로 79"));
        assertEquals(Optional.of("BUSAN-CITY"), jurisdiction.officeOf("부산광역시 연제구 중앙대로 1001"));
    }

    @Test
    void aShortenedProvinceAndLooseSpacingReadAsWritten() {
        assertEquals(Optional.of("SEOUL-MAPO"), jurisdiction.officeOf("  서울 마포구  월드컵북로 396"));
        assertEquals(Optional.of("SEOUL-JONGNO"), jurisdiction.officeOf("서울시 종로구,세종대로 209"));
        assertEquals(Optional.of("BUSAN-HAEUNDAE"), jurisdiction.officeOf("부산 해운대구 센텀중앙로 79"));
        assertEquals(Optional.of("SEJONG"), jurisdiction.officeOf("세종 한누리대로 2130"));
    }

    @Test
    void aDistrictWrittenWithoutItsEndingIsTheDistrict() {
        assertEquals(Optional.of("BUSAN-HAEUNDAE"), jurisdiction.officeOf("부산 해운대 센텀중앙로 79"));
        assertEquals(Optional.of("SEOUL-MAPO"), jurisdiction.officeOf("서울 마포 월드컵북로 396"));
        assertEquals(Optional.of("SEOUL-JONGNO"), jurisdiction.officeOf("서울특별시 종로 세종대로 209"));
        // One character left says nothing (중구, 동구 and 서구 are in many cities); a longer word is another name.
        Jurisdiction seoulJung = new Jurisdiction(Map.of("SEOUL-JUNG", List.of("서울특별시 중구")));
        assertEquals(Optional.empty(), seoulJung.officeOf("서울 중 세종대로 110"));
        assertEquals(Optional.of("SEOUL-JUNG"), seoulJung.officeOf("서울 중구 세종대로 110"));
        assertEquals(Optional.empty(), jurisdiction.officeOf("서울특별시 마포대로 1"));
    }

    @Test
    void addressesAsInputMethodsAndFormsWriteThemAreRead() {
        assertEquals(Optional.of("SEOUL-JONGNO"), jurisdiction.officeOf("서울특별시종로구 세종대로 209"));
        assertEquals(Optional.of("SEOUL-JONGNO"), jurisdiction.officeOf("서울 특별시 종로구 세종대로 209"));
        assertEquals(Optional.of("SEOUL-JONGNO"), jurisdiction.officeOf("서울특별시\u3000종로구\u00a0세종대로 209"));
        assertEquals(Optional.of("SEOUL-JONGNO"), jurisdiction.officeOf("서울특별시 종로구，세종대로（세종로）"));
        assertEquals(Optional.of("SEOUL-JONGNO"), jurisdiction.officeOf("(03154) 서울특별시 종로구 세종대로 209"));
        assertEquals(Optional.of("SEOUL-JONGNO"), jurisdiction.officeOf("[03154] 서울 종로구 세종대로 209"));
        assertEquals(Optional.of("SEOUL-MAPO"), jurisdiction.officeOf("대한민국 서울특별시 마포구 월드컵북로 396"));
    }

    @Test
    void aRegionIsMatchedByWholeWordsOnly() {
        // 종로구청 is a building's name, not the district; 서울특별시 alone names no district office here.
        assertEquals(Optional.empty(), jurisdiction.officeOf("서울특별시 종로구청앞 1"));
        assertEquals(Optional.empty(), jurisdiction.officeOf("서울특별시 강남구 테헤란로 1"));
        assertEquals(Optional.empty(), jurisdiction.officeOf("종로구 세종대로 209"));
        // 광주시 alone may be 경기도's: it is not read as 광주광역시.
        assertEquals(Optional.empty(), new Jurisdiction(Map.of("GWANGJU", List.of("광주광역시")))
                .officeOf("광주시 오포읍 1"));
    }

    @Test
    void anAddressNoOfficeCoversHasNone() {
        assertEquals(Optional.empty(), jurisdiction.officeOf("대전광역시 유성구 대학로 99"));
        assertEquals(Optional.empty(), jurisdiction.officeOf(" "));
        assertEquals(Optional.empty(), jurisdiction.officeOf(null));
    }
}
