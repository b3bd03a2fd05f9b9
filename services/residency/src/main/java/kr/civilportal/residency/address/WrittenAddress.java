package kr.civilportal.residency.address;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.civilportal.residency.office.Jurisdiction;

/**
 * An address as a citizen writes it, read as {@code <road-name address>[ (참고항목)][, <상세주소>]}: the part before
 * the first comma outside brackets, without anything in brackets, is the road-name address (시·도 시·군·구 도로명
 * [지하] 본번[-부번]); what follows that comma is the detail (동·호), absent when empty.
 *
 * <p>The road-name part is read as {@link Jurisdiction#words} reads an address, so that a move-in and its office
 * agree on what was written: full-width spaces and brackets, a postal code or 대한민국 first ("(03154) 서울…"),
 * a shortened 시·도 ("서울 종로구") and one glued to its 시·군·구 ("서울특별시종로구"). A number glued to its road
 * ("세종대로209") is read apart too, as people type it. Nothing here knows the register: {@link #names} says whether
 * a register row is the address written.
 */
public record WrittenAddress(String province, List<String> district, String roadName, boolean underground,
                             int mainNumber, int subNumber, Optional<String> detail) {

    /** 지하: the building's entrance is underground, written before the number ("종로 지하 55"). */
    static final String UNDERGROUND = "지하";
    /** 본번[-부번]: the building number, as the register gives it (at most five digits each). */
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?");
    /** A road name with its number (or 지하 and number) typed without the space between. */
    private static final Pattern GLUED_NUMBER = Pattern.compile("(\\D+?)(지하)?(\\d{1,5}(?:-\\d{1,5})?)");
    /** Anything in round or square brackets: a 참고항목 "(세종로)", a postal code "(03154)". */
    private static final Pattern BRACKETED = Pattern.compile("\\([^()]*\\)|\\[[^\\[\\]]*\\]");
    /** 시·도, 도로명 and number: the least a road-name address has (세종특별자치시 has no 시·군·구). */
    private static final int FEWEST_WORDS = 3;

    /** The address read, or empty when its road-name part is not 시·도 [시·군·구] 도로명 [지하] 본번[-부번]. */
    public static Optional<WrittenAddress> read(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String normalized = Normalizer.normalize(written, Normalizer.Form.NFKC);
        int comma = firstCommaOutsideBrackets(normalized);
        String roadPart = comma < 0 ? normalized : normalized.substring(0, comma);
        Optional<String> detail = comma < 0 ? Optional.empty()
                : Optional.of(normalized.substring(comma + 1).replaceAll("[\\p{Z}\\s]+", " ").strip())
                        .filter(d -> !d.isEmpty());
        List<String> words = separateGluedNumber(Jurisdiction.words(BRACKETED.matcher(roadPart).replaceAll(" ")));
        if (words.size() < FEWEST_WORDS) {
            return Optional.empty();
        }
        Matcher number = NUMBER.matcher(words.get(words.size() - 1));
        if (!number.matches()) {
            return Optional.empty();
        }
        int road = words.size() - 2;
        boolean underground = words.get(road).equals(UNDERGROUND);
        if (underground) {
            road--;
        }
        if (road < 1) {
            return Optional.empty();
        }
        int main = Integer.parseInt(number.group(1));
        int sub = number.group(2) == null ? 0 : Integer.parseInt(number.group(2));
        return Optional.of(new WrittenAddress(words.get(0), List.copyOf(words.subList(1, road)), words.get(road),
                underground, main, sub, detail));
    }

    /**
     * Whether the register row is the address written: the same 시·도, road, 지하 and number, and the 시·군·구 (a
     * city with its 구, "성남시 분당구") word for word, each in full or without its 구/군/시.
     */
    public boolean names(RoadNameAddress row) {
        if (!(province.equals(row.province) && roadName.equals(row.roadName) && underground == row.underground
                && mainNumber == row.mainNumber && subNumber == row.subNumber)) {
            return false;
        }
        List<String> registered = row.district.isBlank() ? List.of() : Arrays.asList(row.district.split(" "));
        if (registered.size() != district.size()) {
            return false;
        }
        for (int i = 0; i < district.size(); i++) {
            if (!Jurisdiction.namesDistrict(registered.get(i), district.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The first comma that is not inside brackets (a 참고항목 may list a building: "(세종로, 정부서울청사)"). */
    private static int firstCommaOutsideBrackets(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** "세종대로209" is 세종대로 209, "종로지하55" is 종로 지하 55; only the last word carries the number. */
    private static List<String> separateGluedNumber(List<String> words) {
        if (words.size() < 2) {
            return words;
        }
        String last = words.get(words.size() - 1);
        Matcher glued = GLUED_NUMBER.matcher(last);
        if (NUMBER.matcher(last).matches() || !glued.matches()) {
            return words;
        }
        List<String> separated = new ArrayList<>(words.subList(0, words.size() - 1));
        separated.add(glued.group(1));
        if (glued.group(2) != null) {
            separated.add(UNDERGROUND);
        }
        separated.add(glued.group(3));
        return separated;
    }
}
