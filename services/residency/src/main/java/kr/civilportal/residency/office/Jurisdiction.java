package kr.civilportal.residency.office;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which office a road-name address belongs to (관할 결정): the office whose region (시·도, then 시·군·구, as the
 * address begins) matches most of the address's first words. A move-in goes to the office of its new address,
 * as a 전입신고 goes to the office of the place moved to.
 *
 * <p>Addresses are written as people write them: full-width or other Unicode spaces and brackets (an input
 * method's), a postal code or the country first ("(03154) 서울…", "대한민국 서울…"), a shortened 시·도 ("서울 종로구",
 * "부산시") or one glued to its 시·군·구 ("서울특별시종로구") all read as the 시·도's full name and the words after it.
 * A 시·군·구 written without its 구, 군 or 시 ("부산 해운대", "서울 마포") reads as the district, where what is left
 * has two characters or more (a lone "중" or "동" could be anything). An address no office's region matches has no
 * office here (the caller decides what that means).
 */
public final class Jurisdiction {

    /** The shortened names of the 17 시·도 people write, and the names addresses use. */
    private static final Map<String, String> PROVINCES = Map.ofEntries(
            Map.entry("서울", "서울특별시"), Map.entry("서울시", "서울특별시"),
            Map.entry("부산", "부산광역시"), Map.entry("부산시", "부산광역시"),
            Map.entry("대구", "대구광역시"), Map.entry("대구시", "대구광역시"),
            Map.entry("인천", "인천광역시"), Map.entry("인천시", "인천광역시"),
            // Not "광주시": that is also 경기도 광주시, written without its 도.
            Map.entry("광주", "광주광역시"),
            Map.entry("대전", "대전광역시"), Map.entry("대전시", "대전광역시"),
            Map.entry("울산", "울산광역시"), Map.entry("울산시", "울산광역시"),
            Map.entry("세종", "세종특별자치시"), Map.entry("세종시", "세종특별자치시"),
            Map.entry("경기", "경기도"), Map.entry("강원", "강원특별자치도"), Map.entry("강원도", "강원특별자치도"),
            Map.entry("충북", "충청북도"), Map.entry("충남", "충청남도"),
            Map.entry("전북", "전북특별자치도"), Map.entry("전라북도", "전북특별자치도"), Map.entry("전남", "전라남도"),
            Map.entry("경북", "경상북도"), Map.entry("경남", "경상남도"),
            Map.entry("제주", "제주특별자치도"), Map.entry("제주도", "제주특별자치도"));

    private static final String COUNTRY = "대한민국";

    private final List<Region> regions;

    /** @param regionsByOffice each office's regions, each written as an address begins ("서울특별시 종로구") */
    public Jurisdiction(Map<String, List<String>> regionsByOffice) {
        List<Region> all = new ArrayList<>();
        regionsByOffice.forEach((office, written) -> written.forEach(r -> all.add(new Region(office, words(r)))));
        this.regions = List.copyOf(all);
    }

    /** The office whose region the address lies in; the most specific region wins ("시·군·구" over "시·도"). */
    public Optional<String> officeOf(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        List<String> words = words(address);
        Region best = null;
        for (Region region : regions) {
            if (region.contains(words) && (best == null || region.words().size() > best.words().size())) {
                best = region;
            }
        }
        return Optional.ofNullable(best).map(Region::office);
    }

    /**
     * The address's words, its first (the 시·도) in full; spaces, commas and brackets of any width end a word. The
     * road-name register reads addresses and search words the same way (package {@code address}).
     */
    public static List<String> words(String written) {
        String normalized = Normalizer.normalize(written, Normalizer.Form.NFKC);
        List<String> words = new ArrayList<>(Arrays.stream(normalized.split("[\\p{Z}\\s,()\\[\\]]+"))
                .filter(w -> !w.isEmpty()).toList());
        // A postal code (5 digits) or the country before the address proper.
        while (!words.isEmpty() && (words.get(0).matches("\\d{5}") || words.get(0).equals(COUNTRY))) {
            words.remove(0);
        }
        if (words.size() > 1 && PROVINCES.containsValue(words.get(0) + words.get(1))) {
            // Split: "서울 특별시" is 서울특별시.
            words.set(0, words.get(0) + words.remove(1));
        }
        if (!words.isEmpty()) {
            String first = words.get(0);
            String province = PROVINCES.getOrDefault(first, first);
            words.set(0, province);
            if (!PROVINCES.containsValue(province)) {
                // Glued: "서울특별시종로구" is 서울특별시 and 종로구.
                for (String full : PROVINCES.values()) {
                    if (first.startsWith(full) && first.length() > full.length()) {
                        words.set(0, full);
                        words.add(1, first.substring(full.length()));
                        break;
                    }
                }
            }
        }
        return words;
    }

    /** The endings of a 시·군·구's name, which people leave out: 해운대구 → 해운대. */
    private static final String DISTRICT_ENDINGS = "구군시";
    /** The shortest name left once its ending is dropped that still says which district it is. */
    private static final int SHORTENED_DISTRICT_MIN_LENGTH = 2;

    /**
     * Whether a word written for a 시·군·구 names it: in full, or without its 구/군/시 where two characters or more
     * are left ("해운대" for 해운대구).
     */
    public static boolean namesDistrict(String district, String written) {
        return district.equals(written) || Region.shortened(district, written);
    }

    private record Region(String office, List<String> words) {

        boolean contains(List<String> address) {
            if (words.isEmpty() || address.size() < words.size()) {
                return false;
            }
            for (int i = 0; i < words.size(); i++) {
                // The first word is the 시·도, already read in full.
                if (!(words.get(i).equals(address.get(i)) || (i > 0 && shortened(words.get(i), address.get(i))))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean shortened(String district, String written) {
            return written.length() >= SHORTENED_DISTRICT_MIN_LENGTH && district.length() == written.length() + 1
                    && district.startsWith(written) && DISTRICT_ENDINGS.indexOf(district.charAt(written.length())) >= 0;
        }
    }
}
