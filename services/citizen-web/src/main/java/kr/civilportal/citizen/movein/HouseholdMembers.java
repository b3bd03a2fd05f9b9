package kr.civilportal.citizen.movein;

import java.util.List;
import java.util.UUID;

/**
 * Who may move with the citizen, as their record lists their household: the other members, the head left out for a
 * member (the head moves only on their own report, with the whole household). {@code head} says the citizen is the
 * head: then they move with everyone or alone (세대 전부 전입), and "세대 전체" is offered, checked at first.
 * {@code unavailable}: the record could not be read; the citizen may still file for themselves.
 */
public record HouseholdMembers(boolean head, List<Mover> others, boolean unavailable) {

    /** A member the citizen may name: their own record's name, and the relation to the head. */
    public record Mover(UUID residentId, String name, Relation relation) {
    }

    static final String HEAD = "HEAD";

    public static HouseholdMembers none(boolean unavailable) {
        return new HouseholdMembers(false, List.of(), unavailable);
    }

    static HouseholdMembers of(MyHouseholdClient.MyRecord record) {
        if (record == null || record.household() == null || record.household().members() == null) {
            return none(false);
        }
        boolean head = record.household().members().stream()
                .anyMatch(m -> m.residentId().equals(record.residentId()) && HEAD.equals(m.relationToHead()));
        List<Mover> others = record.household().members().stream()
                .filter(m -> !m.residentId().equals(record.residentId()) && !HEAD.equals(m.relationToHead()))
                .map(m -> new Mover(m.residentId(), m.name(), relation(m.relationToHead()))).toList();
        return new HouseholdMembers(head, others, false);
    }

    /** A relation this page has no word for reads as 기타 rather than failing the page. */
    static Relation relation(String name) {
        try {
            return Relation.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Relation.OTHER;
        }
    }

    /** Offered at all: someone else may move with the citizen. */
    public boolean any() {
        return !others.isEmpty();
    }

    /** Every other member's id: what "세대 전체" sends. */
    List<UUID> everyone() {
        return others.stream().map(Mover::residentId).toList();
    }
}
