package kr.civilportal.citizen.movein;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import kr.civilportal.web.api.ApiProblem;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.FormFields;

/**
 * The 세대주 변경 form on /my/household, offered to a head with at least one other member: the new head chosen among
 * the members (radio buttons {@code newHead}), and a relation to the new head for every member (the head included,
 * as 본인) in selects that all send {@code relations} as {@code <residentId>:<RELATION>}, so one form field carries
 * the member with their choice. The chosen new head's own select is not sent (they become the head); the page says
 * so by the selects. What was chosen is kept when the form comes back with errors.
 */
public record HeadChangeForm(boolean offered, List<Member> members, String newHead, Map<UUID, Relation> chosen,
        String idempotencyKey) {

    /** A member of the citizen's household as their record lists it; {@code self}: the signed-in head. */
    public record Member(UUID residentId, String name, boolean self) {

        /** The form fields' id suffix: the member's resident id, unique on the page. */
        public String key() {
            return residentId.toString();
        }
    }

    /** The relations one may give to the new head: every one but the head's own. */
    static final List<Relation> RELATIONS = List.of(Relation.values());

    /** The form field of a member's relation select: {@code relation-<residentId>}. */
    static String relationField(UUID residentId) {
        return "relation-" + residentId;
    }

    static HeadChangeForm none() {
        return new HeadChangeForm(false, List.of(), "", Map.of(), "");
    }

    /** The form for the citizen's record: offered only to a head with other members, nothing chosen. */
    static HeadChangeForm of(MyHouseholdClient.MyRecord record, String idempotencyKey) {
        if (record == null || record.household() == null || record.household().members() == null) {
            return none();
        }
        List<MyHouseholdClient.Member> listed = record.household().members().stream()
                .filter(m -> m.residentId() != null).toList();
        boolean head = listed.stream().anyMatch(m -> m.residentId().equals(record.residentId())
                && HouseholdMembers.HEAD.equals(m.relationToHead()));
        if (!head || listed.size() < 2) {
            return none();
        }
        List<Member> members = listed.stream()
                .map(m -> new Member(m.residentId(), m.name(), m.residentId().equals(record.residentId()))).toList();
        return new HeadChangeForm(true, members, "", Map.of(), idempotencyKey);
    }

    /**
     * The form as sent: the new head's id and the {@code <residentId>:<RELATION>} values; anything that names no
     * member of the household or no relation is read as not chosen.
     */
    HeadChangeForm sent(String newHeadValue, List<String> relations, String key) {
        Map<UUID, Relation> picked = new LinkedHashMap<>();
        for (String value : relations == null ? List.<String>of() : relations) {
            int colon = value == null ? -1 : value.indexOf(':');
            if (colon > 0) {
                UUID member = member(value.substring(0, colon).trim());
                Relation relation = FormFields.choice(Relation.class, value.substring(colon + 1));
                if (member != null && relation != null) {
                    picked.put(member, relation);
                }
            }
        }
        return new HeadChangeForm(offered, members, FormFields.trimmed(newHeadValue), picked, FormFields.orNew(key));
    }

    /** The id of a member of the household, or null. */
    private UUID member(String id) {
        return members.stream().map(Member::residentId).filter(m -> m.toString().equals(id)).findFirst().orElse(null);
    }

    /** The chosen new head: a member other than the signed-in head, or null. */
    UUID newHeadId() {
        UUID id = member(newHead);
        return members.stream().anyMatch(m -> m.residentId().equals(id) && !m.self()) ? id : null;
    }

    /** Who must be given a relation: every member but the chosen new head, in the household's order. */
    List<Member> others() {
        UUID head = newHeadId();
        return members.stream().filter(m -> !m.residentId().equals(head)).toList();
    }

    /** The page's own checks, before residency is asked: a new head chosen, a relation for every other member. */
    void check(FormErrors errors, HouseholdMessages msg) {
        if (newHeadId() == null) {
            errors.add("newHead", msg.head_change_err_new_head());
            return;
        }
        for (Member m : others()) {
            if (!chosen.containsKey(m.residentId())) {
                errors.add(relationField(m.residentId()), msg.head_change_err_relation(m.name()));
            }
        }
    }

    /** What residency is sent: the relations in the household's order, the new head left out. */
    HeadChangeClient.Filing filing() {
        return new HeadChangeClient.Filing(newHeadId(), others().stream()
                .map(m -> new HeadChangeClient.RelationToNewHead(m.residentId(), chosen.get(m.residentId())))
                .toList());
    }

    /**
     * Residency's 400 by the fields it names, in the page's words (residency's are the validator's): {@code newHead}
     * by the choice of the new head, {@code relations[i].*} by the select of the i-th member sent, {@code relations}
     * (someone missing or twice) by the relations' group; a field the form has not, the general message.
     */
    void refused(ApiProblem problem, FormErrors errors, HouseholdMessages msg) {
        List<Member> sent = others();
        boolean any = false;
        for (ApiProblem.FieldError error : problem.errors()) {
            String field = Objects.requireNonNullElse(error.field(), "");
            if (field.equals("newHead")) {
                errors.add("newHead", msg.head_change_err_new_head_refused());
                any = true;
            } else if (field.startsWith("relations[")) {
                int index = index(field);
                if (index >= 0 && index < sent.size()) {
                    Member m = sent.get(index);
                    errors.add(relationField(m.residentId()), msg.head_change_err_relation_refused(m.name()));
                } else {
                    errors.add("relations", msg.head_change_err_relations());
                }
                any = true;
            } else if (field.equals("relations")) {
                errors.add("relations", msg.head_change_err_relations());
                any = true;
            }
        }
        if (!any) {
            errors.addGeneral(msg.head_change_err_failed());
        }
    }

    /** {@code relations[2].relationToHead} → 2; -1 when the index cannot be read. */
    private static int index(String field) {
        int close = field.indexOf(']');
        try {
            return close > "relations[".length() ? Integer.parseInt(field.substring("relations[".length(), close)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // For the template.

    public boolean isNewHead(Member m) {
        return m.residentId().toString().equals(newHead);
    }

    public boolean isRelation(Member m, Relation r) {
        return chosen.get(m.residentId()) == r;
    }

    /** The members one may name as new head: all but the signed-in head. */
    public List<Member> candidates() {
        return members.stream().filter(m -> !m.self()).toList();
    }

    public List<Relation> relations() {
        return RELATIONS;
    }
}
