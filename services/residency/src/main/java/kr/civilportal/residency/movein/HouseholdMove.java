package kr.civilportal.residency.movein;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.residency.resident.RelationToHead;

/**
 * Who moves with the filer of a move-in report (세대 전부 전입 / 세대 일부 전입), and as what at the new address. Plain
 * rules over the filer's household as it is; no database.
 * <ul>
 *   <li>Co-movers ({@code movers}) are other current members of the filer's household, each named once, by the
 *       resident id the filer reads on their own record: anything else is a 400 naming {@code movers}.</li>
 *   <li>The head moves only on their own report: a member may not list the head (400 {@code movers}).</li>
 *   <li>A head whose household has other members moves with all of them (세대 전부 전입) or not at all: leaving some
 *       behind would leave them without a head, and 세대주 변경 must come first (409).</li>
 *   <li>The whole household forming a household at a new address keeps its relations (the same household moves).
 *       Anyone else moving with the filer becomes {@link RelationToHead#OTHER} (기타, 동거인) of the new head: a
 *       relation to the old head does not tell the relation to the filer or to the head joined (a spouse's child
 *       may be the filer's sibling or not), and the register must not guess; 세대주와의 관계 정정 corrects it.</li>
 * </ul>
 */
final class HouseholdMove {

    /** A member of the filer's household as it is now. */
    record Member(UUID id, RelationToHead relation) {
    }

    /** Why the movers named cannot move together. */
    enum Refusal {
        NOT_MEMBERS,        // unknown, duplicate, the filer, or of another household
        HEAD_ON_OWN_REPORT, // a member listed the head
        HEAD_LEAVES_MEMBERS // the head leaves some members behind
    }

    private HouseholdMove() {
    }

    /**
     * The co-movers and their relation to the head at the new address, in the order named; a refusal as a problem:
     * 400 field {@code movers} or 409 for a head leaving members behind.
     */
    static Map<UUID, RelationToHead> plan(UUID filerId, List<Member> household, List<UUID> movers,
                                         MoveInReport.Mode mode) {
        Optional<Refusal> refusal = refusal(filerId, household, movers);
        if (refusal.isPresent()) {
            throw switch (refusal.get()) {
                case NOT_MEMBERS -> ProblemException.invalidField("movers",
                        "Name each other member of your household who moves with you once, as your record lists them.",
                        "함께 이사하는 세대원은 본인 세대의 세대원 중에서 한 번씩만 선택해 주세요.");
                case HEAD_ON_OWN_REPORT -> ProblemException.invalidField("movers",
                        "The head of your household moves only on their own report (with the whole household).",
                        "세대주는 본인이 직접 신고해야 합니다 (세대 전부 전입).");
                case HEAD_LEAVES_MEMBERS -> headLeavesMembers();
            };
        }
        return relations(filerId, household, movers == null ? List.of() : movers, mode);
    }

    /** The first rule the movers break, if any. */
    static Optional<Refusal> refusal(UUID filerId, List<Member> household, List<UUID> movers) {
        List<UUID> named = movers == null ? List.of() : movers;
        Map<UUID, Member> members = new LinkedHashMap<>();
        household.forEach(m -> members.put(m.id(), m));
        Set<UUID> seen = new HashSet<>();
        for (UUID id : named) {
            if (id == null || id.equals(filerId) || !members.containsKey(id) || !seen.add(id)) {
                return Optional.of(Refusal.NOT_MEMBERS);
            }
        }
        Member filer = members.get(filerId);
        boolean filerIsHead = filer != null && filer.relation() == RelationToHead.HEAD;
        if (!filerIsHead && named.stream().anyMatch(id -> members.get(id).relation() == RelationToHead.HEAD)) {
            return Optional.of(Refusal.HEAD_ON_OWN_REPORT);
        }
        if (filerIsHead && seen.size() < members.size() - 1) {
            return Optional.of(Refusal.HEAD_LEAVES_MEMBERS);
        }
        return Optional.empty();
    }

    private static Map<UUID, RelationToHead> relations(UUID filerId, List<Member> household, List<UUID> movers,
                                                       MoveInReport.Mode mode) {
        boolean headWithAll = household.stream().anyMatch(m -> m.id().equals(filerId)
                && m.relation() == RelationToHead.HEAD);
        boolean keepRelations = headWithAll && mode == MoveInReport.Mode.NEW_HOUSEHOLD;
        Map<UUID, RelationToHead> relations = new LinkedHashMap<>();
        for (UUID id : movers) {
            RelationToHead now = household.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow().relation();
            relations.put(id, keepRelations ? now : RelationToHead.OTHER);
        }
        return relations;
    }

    static ProblemException headLeavesMembers() {
        return ProblemException.conflict("The head of a household moves with all its members or not at all; "
                        + "to move with some only, change the head first (세대주 변경).",
                "세대주는 세대원 전원과 함께 전입하거나, 일부만 함께라면 먼저 세대주를 변경해 주세요.");
    }
}
