package kr.civilportal.residency.household;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.residency.resident.RelationToHead;
import org.junit.jupiter.api.Test;

/** The rules of a head change, without Quarkus: who may file, whom they may name, and what relations must be given. */
class HeadChangePlanTest {

    static final UUID HEAD = UUID.randomUUID();
    static final UUID SPOUSE = UUID.randomUUID();
    static final UUID CHILD = UUID.randomUUID();
    static final List<HeadChangePlan.Member> FAMILY = List.of(new HeadChangePlan.Member(HEAD, RelationToHead.HEAD),
            new HeadChangePlan.Member(SPOUSE, RelationToHead.SPOUSE), new HeadChangePlan.Member(CHILD, RelationToHead.CHILD));

    static HeadChangeRequest.Relation rel(UUID id, RelationToHead relation) {
        return new HeadChangeRequest.Relation(id, relation);
    }

    static HeadChangeRequest request(UUID newHead, HeadChangeRequest.Relation... relations) {
        return new HeadChangeRequest(newHead, relations == null ? null : new ArrayList<>(Arrays.asList(relations)));
    }

    @Test
    void theSpouseBecomesHeadAndEveryoneElseHasTheRelationFiledTheNewHeadFirst() {
        Map<UUID, RelationToHead> after = HeadChangePlan.plan(HEAD, FAMILY,
                request(SPOUSE, rel(CHILD, RelationToHead.CHILD), rel(HEAD, RelationToHead.SPOUSE)));
        Map<UUID, RelationToHead> expected = new LinkedHashMap<>();
        expected.put(SPOUSE, RelationToHead.HEAD);
        expected.put(CHILD, RelationToHead.CHILD);
        expected.put(HEAD, RelationToHead.SPOUSE);
        assertEquals(expected, after);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(after.keySet()), "in the order filed");
    }

    @Test
    void aMemberOrAHeadAloneMayNotFile() {
        assertEquals(409, status(() -> HeadChangePlan.plan(SPOUSE, FAMILY,
                request(CHILD, rel(HEAD, RelationToHead.PARENT), rel(SPOUSE, RelationToHead.PARENT)))));
        assertEquals(409, status(() -> HeadChangePlan.plan(HEAD,
                List.of(new HeadChangePlan.Member(HEAD, RelationToHead.HEAD)), request(SPOUSE, rel(HEAD, RelationToHead.OTHER)))));
    }

    @Test
    void eachWrongRequestNamesItsField() {
        UUID stranger = UUID.randomUUID();
        assertEquals("newHead", field(request(null, rel(HEAD, RelationToHead.SPOUSE))));
        assertEquals("newHead", field(request(HEAD, rel(SPOUSE, RelationToHead.SPOUSE), rel(CHILD, RelationToHead.CHILD))));
        assertEquals("newHead", field(request(stranger, rel(SPOUSE, RelationToHead.SPOUSE), rel(CHILD, RelationToHead.CHILD))));
        assertEquals("relations", field(request(SPOUSE)));
        assertEquals("relations", field(new HeadChangeRequest(SPOUSE, null)));
        assertEquals("relations", field(request(SPOUSE, rel(HEAD, RelationToHead.SPOUSE))));
        assertEquals("relations", field(request(SPOUSE, rel(HEAD, RelationToHead.SPOUSE), rel(HEAD, RelationToHead.SPOUSE),
                rel(CHILD, RelationToHead.CHILD))));
        assertEquals("relations", field(request(SPOUSE, rel(HEAD, RelationToHead.SPOUSE), rel(CHILD, RelationToHead.CHILD),
                rel(stranger, RelationToHead.OTHER))));
        assertEquals("relations", field(request(SPOUSE, rel(HEAD, RelationToHead.SPOUSE), rel(CHILD, RelationToHead.CHILD),
                rel(SPOUSE, RelationToHead.OTHER))));
        assertEquals("relations[1].relationToHead", field(request(SPOUSE, rel(HEAD, RelationToHead.SPOUSE),
                rel(CHILD, RelationToHead.HEAD))));
        assertEquals("relations[0].relationToHead", field(request(SPOUSE, rel(HEAD, null), rel(CHILD, RelationToHead.CHILD))));
        assertEquals("relations[1].residentId", field(request(SPOUSE, rel(HEAD, RelationToHead.SPOUSE),
                rel(null, RelationToHead.CHILD))));
    }

    private static String field(HeadChangeRequest request) {
        ProblemException e = assertThrows(ProblemException.class, () -> HeadChangePlan.plan(HEAD, FAMILY, request));
        assertEquals(400, e.problem().status());
        return e.problem().errors().get(0).field();
    }

    private static int status(Runnable plan) {
        return assertThrows(ProblemException.class, plan::run).problem().status();
    }
}
