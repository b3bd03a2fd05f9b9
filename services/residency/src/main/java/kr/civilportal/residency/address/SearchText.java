package kr.civilportal.residency.address;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.civilportal.residency.office.Jurisdiction;

/**
 * What the address search matches: a register row's words (시·도, 시·군·구, 도로명, 본번[-부번], 법정동, 건물명,
 * 우편번호) in one lower-case text, and a query's words read as an address is read ({@link Jurisdiction#words}: 시·도
 * shortenings, full-width spaces, a leading postal code and 대한민국 dropped). A row is found when every word of the
 * query occurs in its text, so "서울 세종대로", "종로 209" and "정부서울청사" all find 세종대로 209.
 */
final class SearchText {

    private SearchText() {
    }

    static String of(RoadNameAddress row) {
        List<String> words = new ArrayList<>(List.of(row.province, row.district, row.roadName));
        if (row.underground) {
            words.add(WrittenAddress.UNDERGROUND);
        }
        words.addAll(List.of(row.number(), row.legalDong, row.buildingName, row.postalCode));
        return String.join(" ", words.stream().filter(w -> !w.isBlank()).toList()).toLowerCase(Locale.ROOT);
    }

    static List<String> words(String query) {
        return Jurisdiction.words(query).stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
