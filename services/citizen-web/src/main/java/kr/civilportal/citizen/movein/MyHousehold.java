package kr.civilportal.citizen.movein;

import java.util.List;
import java.util.regex.Pattern;
import kr.civilportal.common.masking.Masking;

/**
 * 우리 세대 on /my/household: the signed-in citizen's household as a 주민등록표 등본 lists it, its address and its
 * members in residency's order (the head first), each with the relation to the head and the registration number as
 * residency masks it. {@code exists} false: the citizen has no household (no record linked, or none on it).
 */
public record MyHousehold(boolean exists, String address, List<Row> members) {

    /**
     * A member's row. {@code head}: the 세대주 (no {@link Relation} names it); otherwise {@code relation}, a relation
     * the page has no word for read as 기타. {@code self}: the signed-in citizen's own row.
     */
    public record Row(String name, boolean head, Relation relation, String number, boolean self) {

        @Override
        public String toString() {
            return "Row[head=" + head + ", relation=" + relation + ", self=" + self + "]";
        }
    }

    /** Residency's mask: birth date, the sex digit, then six stars. */
    private static final Pattern MASKED = Pattern.compile("\\d{6}-\\d\\*{6}");

    public static MyHousehold none() {
        return new MyHousehold(false, "", List.of());
    }

    static MyHousehold of(MyHouseholdClient.MyRecord record) {
        if (record == null || record.household() == null || record.household().members() == null
                || record.household().members().isEmpty()) {
            return none();
        }
        List<Row> rows = record.household().members().stream()
                .map(m -> new Row(m.name(), HouseholdMembers.HEAD.equals(m.relationToHead()),
                        HouseholdMembers.relation(m.relationToHead()), masked(m.residentRegistrationNumber()),
                        m.residentId() != null && m.residentId().equals(record.residentId())))
                .toList();
        String address = record.household().address();
        return new MyHousehold(true, address == null ? "" : address, rows);
    }

    /**
     * The number exactly as residency masks it. Should a number ever come unmasked (a fault at residency), the page
     * still shows no more than the mask would: portal-common's {@link Masking#rrn}.
     */
    static String masked(String number) {
        if (number == null || number.isBlank()) {
            return "";
        }
        return MASKED.matcher(number).matches() ? number : Masking.rrn(number);
    }
}
