package kr.civilportal.residency.address;

import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.residency.ResidencySettings;

/**
 * The road-name address register (도로명주소) as the service uses it: the address search, and the one row a written
 * address names (a move-in's new address must name exactly one).
 */
@ApplicationScoped
public class AddressRegister {

    /** A query shorter than this finds half the register ("서" is in every 서울 address). */
    static final int SHORTEST_QUERY = 2;
    /** Longer than any address written in full; longer is not a search. */
    static final int LONGEST_QUERY = 100;
    /** The detail (동·호, 층) after the road-name address: room for "에이치스퀘어 엔동 7층 701호" and more. */
    static final int LONGEST_DETAIL = 100;
    /** 본번[-부번] (or a postal code): matched as a whole word, never as part of another number. */
    private static final Pattern BUILDING_NUMBER = Pattern.compile("\\d+(-\\d+)?");

    static final String NOT_REGISTERED = "This road-name address is not in the register. Use an address found by the "
            + "address search.";
    static final String NOT_REGISTERED_KO = "도로명주소에 없는 주소입니다. 주소 검색으로 찾은 주소를 입력하세요.";

    private final int searchLimit;

    AddressRegister(ResidencySettings settings) {
        this.searchLimit = settings.addressRegister().searchLimit();
    }

    /**
     * The rows every word of the query occurs in, in address order, at most the configured number. A query that is
     * missing, or shorter or longer than allowed once trimmed, is a 400 field {@code q}.
     */
    public List<AddressView> search(String query) {
        String q = query == null ? "" : query.strip();
        if (q.length() < SHORTEST_QUERY || q.length() > LONGEST_QUERY) {
            throw ProblemException.invalidField("q", "The search needs " + SHORTEST_QUERY + " to " + LONGEST_QUERY
                    + " characters.", "검색어를 " + SHORTEST_QUERY + "자에서 " + LONGEST_QUERY + "자 사이로 입력하세요.");
        }
        List<String> words = SearchText.words(q);
        if (words.isEmpty()) {
            return List.of();
        }
        List<String> conditions = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        for (String word : words) {
            int i = parameters.size() + 1;
            if (BUILDING_NUMBER.matcher(word).matches()) {
                // A number is a whole word: "세종대로 1" is not 세종대로 175.
                conditions.add("locate(?" + i + ", concat(' ', searchText, ' ')) > 0");
                parameters.add(" " + word + " ");
            } else {
                conditions.add("locate(?" + i + ", searchText) > 0");
                parameters.add(word);
            }
        }
        return RoadNameAddress.<RoadNameAddress>find(String.join(" and ", conditions)
                        + " order by province, district, roadName, mainNumber, subNumber", parameters.toArray())
                .page(Page.ofSize(searchLimit)).list().stream().map(AddressView::of).toList();
    }

    /**
     * The register's row of a written address and its detail; a 400 field {@code address} when the road-name part
     * names no row or several, or the detail is too long.
     */
    public RegisteredAddress registered(String written) {
        WrittenAddress address = WrittenAddress.read(written).orElseThrow(AddressRegister::notRegistered);
        List<RoadNameAddress> named = RoadNameAddress.<RoadNameAddress>list(
                        "province = ?1 and roadName = ?2 and underground = ?3 and mainNumber = ?4 and subNumber = ?5",
                        address.province(), address.roadName(), address.underground(), address.mainNumber(),
                        address.subNumber()).stream()
                .filter(address::names).toList();
        if (named.size() != 1) {
            throw notRegistered();
        }
        Optional<String> detail = address.detail();
        if (detail.isPresent() && detail.get().length() > LONGEST_DETAIL) {
            throw ProblemException.invalidField("address", "The detail after the road-name address (동·호) is at most "
                    + LONGEST_DETAIL + " characters.", "상세주소는 " + LONGEST_DETAIL + "자까지 입력할 수 있습니다.");
        }
        return new RegisteredAddress(named.get(0), detail);
    }

    private static ProblemException notRegistered() {
        return ProblemException.invalidField("address", NOT_REGISTERED, NOT_REGISTERED_KO);
    }
}
