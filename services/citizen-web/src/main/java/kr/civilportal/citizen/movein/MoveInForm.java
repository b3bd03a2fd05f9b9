package kr.civilportal.citizen.movein;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.citizen.CitizenMessages;
import kr.civilportal.web.page.FormFields;

/**
 * The move-in report (전입신고) form as entered. The page checks what a person can see at once (a choice made,
 * the fields the chosen mode needs); residency checks everything again and decides. A new household's address is
 * a row of residency's road-name address register (도로명주소) found by a search: {@code addressQuery} is what was
 * searched for, {@code roadAddress} the road-name address chosen among the matches, {@code addressDetail} the
 * 상세주소 (동·호수) typed after it.
 */
public record MoveInForm(MoveInMode mode, String movedInOn, String addressQuery, String roadAddress,
        String addressDetail, String headNumber, Relation relation, String idempotencyKey, boolean wholeHousehold,
        List<UUID> movers) {

    /** Between the road-name address and the detail, as residency reads an address (docs/road-name-addresses.md). */
    static final String DETAIL_SEPARATOR = ", ";

    public MoveInForm {
        movers = movers == null ? List.of() : List.copyOf(movers);
    }

    /** The empty form; a head's starts with the whole household moving (세대 전부 전입), the one way a head moves. */
    public static MoveInForm empty(boolean head) {
        return new MoveInForm(MoveInMode.NEW_HOUSEHOLD, "", "", "", "", "", null, UUID.randomUUID().toString(), head,
                List.of());
    }

    public static MoveInForm of(String mode, String movedInOn, String addressQuery, String roadAddress,
            String addressDetail, String headNumber, String relation, String idempotencyKey, boolean wholeHousehold,
            List<String> movers) {
        return new MoveInForm(FormFields.choice(MoveInMode.class, mode), FormFields.trimmed(movedInOn),
                FormFields.trimmed(addressQuery), FormFields.trimmed(roadAddress), FormFields.trimmed(addressDetail),
                FormFields.trimmed(headNumber), FormFields.choice(Relation.class, relation),
                FormFields.orNew(idempotencyKey), wholeHousehold, ids(movers));
    }

    /**
     * The address residency is sent: {@code <roadNameAddress>[, <detail>]}, the road-name address exactly as the
     * register's search answered it (so it names its row) and the detail, when typed, after the first comma.
     */
    public String address() {
        return addressDetail.isEmpty() ? roadAddress : roadAddress + DETAIL_SEPARATOR + addressDetail;
    }

    public boolean isRoadAddress(RoadAddress row) {
        return roadAddress.equals(row.roadNameAddress());
    }

    /** The boxes ticked; a value that is no id (a tampered form) is dropped, residency judges the rest. */
    private static List<UUID> ids(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(v -> {
            try {
                return UUID.fromString(v.strip());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** With whom the citizen moves: everyone for "세대 전체", else the boxes ticked. */
    public MoveInForm movingWith(HouseholdMembers members) {
        return wholeHousehold ? new MoveInForm(mode, movedInOn, addressQuery, roadAddress, addressDetail, headNumber,
                relation, idempotencyKey, true, members.everyone()) : this;
    }

    public boolean moves(UUID member) {
        return wholeHousehold || movers.contains(member);
    }

    /** The missing fields, form field name to its message, in the form's order. */
    public Map<String, String> problems(CitizenMessages msg, AddressMessages addressMsg) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (mode == null) {
            problems.put("mode", msg.movein_err_mode());
        }
        if (movedInOn.isEmpty()) {
            problems.put("movedInOn", msg.movein_err_date());
        }
        // Only a row the search found is an address residency takes: none chosen is said by the choices.
        if (mode == MoveInMode.NEW_HOUSEHOLD && roadAddress.isEmpty()) {
            problems.put("roadAddress", addressMsg.err_choose());
        }
        if (mode == MoveInMode.JOIN_HOUSEHOLD) {
            if (headNumber.isEmpty()) {
                problems.put("headNumber", msg.movein_err_head());
            }
            if (relation == null) {
                problems.put("relation", msg.movein_err_relation());
            }
        }
        return problems;
    }

    /** What residency is sent: only the fields of the chosen mode. */
    public MoveInClient.Request request() {
        return mode == MoveInMode.NEW_HOUSEHOLD
                ? new MoveInClient.Request(mode, movedInOn, address(), null, null, moversOrAbsent())
                : new MoveInClient.Request(mode, movedInOn, null, headNumber, relation, moversOrAbsent());
    }

    /** Nobody moving with the citizen is sent as before: no {@code movers} at all. */
    private List<UUID> moversOrAbsent() {
        return movers.isEmpty() ? null : movers;
    }

    public List<MoveInMode> modes() {
        return Arrays.asList(MoveInMode.values());
    }

    public List<Relation> relations() {
        return Arrays.asList(Relation.values());
    }

    public boolean isMode(MoveInMode m) {
        return m == mode;
    }

    public boolean isRelation(Relation r) {
        return r == relation;
    }
}
