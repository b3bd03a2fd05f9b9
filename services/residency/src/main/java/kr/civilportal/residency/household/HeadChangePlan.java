package kr.civilportal.residency.household;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.residency.resident.RelationToHead;

/**
 * What a head change does to a household, or why it cannot (plain rules, unit-tested): the filer must be its head,
 * with at least one other member; the new head one of those members; and {@code relations} every other member, the
 * filer included, each once, with a relation to the new head that is not {@code HEAD} (the register does not guess a
 * relation, so none is left out). The form of the request is a 400 naming the field; the filer not being a head with
 * members a 409 (the request may be right, the household is not one to change).
 */
public final class HeadChangePlan {

    /** A member of the filer's household as it is now. */
    public record Member(UUID id, RelationToHead relation) {
    }

    private HeadChangePlan() {
    }

    /** Each member's relation after the change, the new head first ({@code HEAD}), then the others as filed. */
    public static Map<UUID, RelationToHead> plan(UUID filer, List<Member> household, HeadChangeRequest request) {
        checkForm(request);
        Map<UUID, RelationToHead> before = household.stream()
                .collect(Collectors.toMap(Member::id, Member::relation, (a, b) -> a, LinkedHashMap::new));
        if (before.get(filer) != RelationToHead.HEAD || before.size() < 2) {
            throw notAHeadWithMembers();
        }
        UUID newHead = request.newHead();
        if (newHead.equals(filer) || !before.containsKey(newHead)) {
            throw ProblemException.invalidField("newHead", "is not another member of your household.",
                    "새 세대주는 세대원 중 한 분이어야 합니다.");
        }
        Map<UUID, RelationToHead> after = new LinkedHashMap<>();
        after.put(newHead, RelationToHead.HEAD);
        Set<UUID> seen = new HashSet<>();
        for (HeadChangeRequest.Relation r : request.relations()) {
            if (r.residentId().equals(newHead)) {
                throw invalidRelations("names the new head, whose relation is HEAD.", "새 세대주는 관계 목록에 넣지 않습니다.");
            }
            if (!seen.add(r.residentId())) {
                throw invalidRelations("names a member twice.", "같은 세대원이 두 번 있습니다.");
            }
            if (!before.containsKey(r.residentId())) {
                throw invalidRelations("names someone who is not a member of your household.",
                        "세대원이 아닌 분이 있습니다.");
            }
            after.put(r.residentId(), r.relationToHead());
        }
        if (after.size() != before.size()) {
            throw invalidRelations("must list every other member of your household, you included.",
                    "새 세대주를 뺀 모든 세대원(신고인 포함)의 관계를 적어 주세요.");
        }
        return after;
    }

    /** The request's own form: a 400 naming the first field at fault, before the household is looked at. */
    static void checkForm(HeadChangeRequest request) {
        if (request.newHead() == null) {
            throw ProblemException.invalidField("newHead", "is required: the residentId of the member who becomes head.",
                    "새 세대주를 선택해 주세요.");
        }
        if (request.relations() == null || request.relations().isEmpty()) {
            throw invalidRelations("must list every other member of your household, you included.",
                    "새 세대주를 뺀 모든 세대원(신고인 포함)의 관계를 적어 주세요.");
        }
        for (int i = 0; i < request.relations().size(); i++) {
            HeadChangeRequest.Relation r = request.relations().get(i);
            if (r == null || r.residentId() == null) {
                throw ProblemException.invalidField("relations[" + i + "].residentId", "is required.",
                        "세대원을 선택해 주세요.");
            }
            if (r.relationToHead() == null || r.relationToHead() == RelationToHead.HEAD) {
                throw ProblemException.invalidField("relations[" + i + "].relationToHead",
                        "is required: the relation to the new head (not HEAD).", "새 세대주와의 관계를 선택해 주세요.");
            }
        }
    }

    static ProblemException notAHeadWithMembers() {
        return ProblemException.conflict("Only the head of a household with other members can change its head.",
                "세대원이 있는 세대의 세대주만 세대주 변경을 신고할 수 있습니다.");
    }

    private static ProblemException invalidRelations(String detail, String detailKo) {
        return ProblemException.invalidField("relations", detail, detailKo);
    }
}
