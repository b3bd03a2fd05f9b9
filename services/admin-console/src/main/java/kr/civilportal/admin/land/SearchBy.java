package kr.civilportal.admin.land;

import java.util.Arrays;

/** How a land officer looks for parcels: the service's three search criteria. */
public enum SearchBy {
    ADDRESS("address"),
    PNU("pnu"),
    DONG("dong");

    private final String param;

    SearchBy(String param) {
        this.param = param;
    }

    /** Its value in the search's address ({@code by=}). */
    public String param() {
        return param;
    }

    /** The criterion asked for; the address search when none (or no such one) is named. */
    public static SearchBy of(String param) {
        return Arrays.stream(values()).filter(b -> b.param.equals(param)).findFirst().orElse(ADDRESS);
    }
}
