package kr.civilportal.citizen.movein;

import java.util.ArrayList;
import java.util.List;

/**
 * What the move-in form offers to choose the new address from: the register's rows a search found
 * ({@code searched}: a search ran, so "no result" can be said), with the citizen's earlier choice kept among them.
 */
public record AddressMatches(boolean searched, List<RoadAddress> rows) {

    public AddressMatches {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** Before any search. */
    static AddressMatches none() {
        return new AddressMatches(false, List.of());
    }

    static AddressMatches found(List<RoadAddress> rows) {
        return new AddressMatches(true, rows);
    }

    /**
     * The rows with {@code chosen} (a road-name address the form came back with) still offered: a choice the rows
     * do not hold (a new search did not find it again, or none could run) is put first, by its address alone, so
     * the form never drops what the citizen picked.
     */
    AddressMatches keeping(String chosen) {
        if (chosen == null || chosen.isEmpty() || rows.stream().anyMatch(r -> chosen.equals(r.roadNameAddress()))) {
            return this;
        }
        List<RoadAddress> kept = new ArrayList<>();
        kept.add(RoadAddress.chosenOnly(chosen));
        kept.addAll(rows);
        return new AddressMatches(searched, kept);
    }

    /** A search ran and found nothing: "검색 결과가 없습니다". */
    public boolean noResult() {
        return searched && rows.isEmpty();
    }

    public boolean any() {
        return !rows.isEmpty();
    }
}
