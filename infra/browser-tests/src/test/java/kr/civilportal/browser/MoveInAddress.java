package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The move-in form's new address as a citizen gives it: a search of residency's road-name address register
 * (도로명주소), the first match chosen, the detail (동·호수) typed. The query is the whole road-name address, so the
 * register's first match is that address; said if it is not, rather than a report filed elsewhere.
 */
final class MoveInAddress {

    private MoveInAddress() {
    }

    /** Searches for {@code roadNameAddress}, chooses it and types {@code detail} (none when empty). */
    static void choose(Browser citizen, String roadNameAddress, String detail) {
        citizen.type("#addressQuery", roadNameAddress);
        citizen.click("#address-search");
        assertEquals(roadNameAddress, citizen.find("#road-address-0").getAttribute("value"),
                "the register's first match for the query");
        citizen.click("#road-address-0");
        if (!detail.isEmpty()) {
            citizen.type("#addressDetail", detail);
        }
    }
}
