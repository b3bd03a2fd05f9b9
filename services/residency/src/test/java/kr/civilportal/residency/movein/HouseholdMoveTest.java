package kr.civilportal.residency.movein;

import static kr.civilportal.residency.movein.MoveInSupplementingTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.residency.resident.RelationToHead;
import org.junit.jupiter.api.Test;

/** 세대 전부 / 일부 전입 rules, without Quarkus: who may move with the filer, and as what. */
class HouseholdMoveTest {

    static final UUID HEAD = UUID.randomUUID();
    static final UUID SPOUSE = UUID.randomUUID();
    static final UUID CHILD = UUID.randomUUID();
    static final UUID PARENT = UUID.randomUUID();
    static final List<HouseholdMove.Member> FAMILY = List.of(new HouseholdMove.Member(HEAD, RelationToHead.HEAD),
            new HouseholdMove.Member(SPOUSE, RelationToHead.SPOUSE), new HouseholdMove.Member(CHILD, RelationToHead.CHILD),
            new HouseholdMove.Member(PARENT, RelationToHead.PARENT));
    static final MoveInReport.Mode NEW = MoveInReport.Mode.NEW_HOUSEHOLD;
    static final MoveInReport.Mode JOIN = MoveInReport.Mode.JOIN_HOUSEHOLD;

    @Test
    void theHeadMovesWithTheWholeHouseholdWhichKeepsItsRelations() {
        Map<UUID, RelationToHead> expected = new LinkedHashMap<>();
        expected.put(CHILD, RelationToHead.CHILD);
        expected.put(SPOUSE, RelationToHead.SPOUSE);
        expected.put(PARENT, RelationToHead.PARENT);
        assertEquals(expected, HouseholdMove.plan(HEAD, FAMILY, List.of(CHILD, SPOUSE, PARENT), NEW));
    }

    @Test
    void theWholeHouseholdJoiningAnotherBecomesItsOtherMembers() {
        assertEquals(Map.of(SPOUSE, RelationToHead.OTHER, CHILD, RelationToHead.OTHER, PARENT, RelationToHead.OTHER),
                HouseholdMove.plan(HEAD, FAMILY, List.of(SPOUSE, CHILD, PARENT), JOIN));
    }

    @Test
    void aHeadWithMembersMovingAloneOrWithSomeIsAConflict() {
        refused(409, null, () -> HouseholdMove.plan(HEAD, FAMILY, null, NEW));
        refused(409, null, () -> HouseholdMove.plan(HEAD, FAMILY, List.of(), NEW));
        refused(409, null, () -> HouseholdMove.plan(HEAD, FAMILY, List.of(SPOUSE, CHILD), NEW));
        refused(409, null, () -> HouseholdMove.plan(HEAD, FAMILY, List.of(SPOUSE), JOIN));
    }

    @Test
    void aHeadAloneMovesAlone() {
        UUID alone = UUID.randomUUID();
        assertEquals(Map.of(), HouseholdMove.plan(alone, List.of(new HouseholdMove.Member(alone, RelationToHead.HEAD)),
                null, NEW));
    }

    @Test
    void aMemberMovesWithOtherMembersWhoBecomeOtherMembersOfTheNewHousehold() {
        assertEquals(Map.of(), HouseholdMove.plan(CHILD, FAMILY, List.of(), NEW));
        assertEquals(Map.of(PARENT, RelationToHead.OTHER),
                HouseholdMove.plan(SPOUSE, FAMILY, List.of(PARENT), NEW));
        assertEquals(Map.of(CHILD, RelationToHead.OTHER, PARENT, RelationToHead.OTHER),
                HouseholdMove.plan(SPOUSE, FAMILY, List.of(CHILD, PARENT), JOIN));
    }

    @Test
    void aMemberMayNotListTheHead() {
        refused(400, "movers", () -> HouseholdMove.plan(SPOUSE, FAMILY, List.of(HEAD, CHILD, PARENT), NEW));
    }

    @Test
    void moversMustBeOtherCurrentMembersNamedOnce() {
        UUID stranger = UUID.randomUUID();
        refused(400, "movers", () -> HouseholdMove.plan(HEAD, FAMILY, List.of(SPOUSE, CHILD, PARENT, stranger), NEW));
        refused(400, "movers", () -> HouseholdMove.plan(HEAD, FAMILY, List.of(SPOUSE, CHILD, PARENT, CHILD), NEW));
        refused(400, "movers", () -> HouseholdMove.plan(HEAD, FAMILY, List.of(HEAD, SPOUSE, CHILD, PARENT), NEW));
        refused(400, "movers", () -> HouseholdMove.plan(SPOUSE, FAMILY, Arrays.asList(CHILD, null), NEW));
        refused(400, "movers", () -> HouseholdMove.plan(SPOUSE, FAMILY, List.of(SPOUSE), NEW));
    }

    @Test
    void theFirstRuleBrokenIsNamed() {
        assertEquals(HouseholdMove.Refusal.NOT_MEMBERS,
                HouseholdMove.refusal(HEAD, FAMILY, List.of(UUID.randomUUID())).orElseThrow());
        assertEquals(HouseholdMove.Refusal.HEAD_ON_OWN_REPORT,
                HouseholdMove.refusal(CHILD, FAMILY, List.of(HEAD)).orElseThrow());
        assertEquals(HouseholdMove.Refusal.HEAD_LEAVES_MEMBERS,
                HouseholdMove.refusal(HEAD, FAMILY, List.of(CHILD)).orElseThrow());
    }
}
