package kr.civilportal.land.ownerchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import kr.civilportal.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

class FilingHoldingTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

    private static OwnerChangeFiling waiting() {
        OwnerChangeFiling f = new OwnerChangeFiling();
        f.status = OwnerChangeFiling.Status.RECEIVED;
        return f;
    }

    @Test
    void anOfficerTakesAFreeRequestAndARepeatChangesNothing() {
        OwnerChangeFiling f = waiting();
        FilingHolding.take(f, "sub-1", "land-officer", NOW);
        FilingHolding.take(f, "sub-1", "land-officer", NOW.plusSeconds(60));
        assertEquals("sub-1", f.holderSubject);
        assertEquals(NOW, f.heldSince, "a repeat keeps the first time");
    }

    @Test
    void anotherOfficerIsRefusedNamingTheHolderBeforeAnythingChanges() {
        OwnerChangeFiling f = waiting();
        FilingHolding.take(f, "sub-1", "land-officer", NOW);
        for (Runnable act : new Runnable[] {
                () -> FilingHolding.take(f, "sub-3", "land-officer3", NOW),
                () -> FilingHolding.release(f, "sub-3"),
                () -> FilingHolding.deciding(f, "sub-3")}) {
            ProblemException refused = assertThrows(ProblemException.class, act::run);
            assertEquals(409, refused.problem().status());
            assertTrue(refused.problem().type().toString().endsWith("case-held"), String.valueOf(refused.problem().type()));
            assertTrue(refused.problem().detailKo().contains("담당자 land-officer님"), refused.problem().detailKo());
            assertEquals("sub-1", f.holderSubject);
        }
    }

    @Test
    void theHolderLetsGoAndAnyOfficerMayThenDecide() {
        OwnerChangeFiling f = waiting();
        FilingHolding.take(f, "sub-1", "land-officer", NOW);
        FilingHolding.release(f, "sub-1");
        assertNull(f.holderSubject);
        assertNull(f.heldSince);
        FilingHolding.deciding(f, "sub-3");
    }

    @Test
    void aDecidedRequestIsNobodysWorkAndCannotBeTakenOrDecidedAgain() {
        OwnerChangeFiling f = waiting();
        FilingHolding.take(f, "sub-1", "land-officer", NOW);
        f.status = OwnerChangeFiling.Status.APPROVED;
        FilingHolding.decided(f);
        assertNull(f.holderName);
        assertEquals(409, assertThrows(ProblemException.class,
                () -> FilingHolding.take(f, "sub-1", "land-officer", NOW)).problem().status());
        assertEquals(409, assertThrows(ProblemException.class,
                () -> FilingHolding.deciding(f, "sub-1")).problem().status());
    }

    @Test
    void aHeldRequestIsTakenOverOnlyWithTheTakeOverAndSaysFromWhomAndWhy() {
        OwnerChangeFiling f = waiting();
        FilingHolding.take(f, "sub-1", "land-officer", NOW);
        String from = FilingHolding.takeOver(f, "sub-3", "land-officer3", "담당자 휴가", NOW.plusSeconds(60));
        assertEquals("land-officer", from);
        assertEquals("sub-3", f.holderSubject);
        assertEquals("land-officer", f.takenOverFrom);
        assertEquals("담당자 휴가", f.takeoverReason);
        // The new holder lets go: the take-over is no longer the holding's story.
        FilingHolding.release(f, "sub-3");
        assertNull(f.takenOverFrom);
        assertNull(f.takeoverReason);
    }

    @Test
    void aTakeOverOfAFreeOrOwnRequestIsATakeAndADecidedOneIsRefused() {
        OwnerChangeFiling f = waiting();
        assertNull(FilingHolding.takeOver(f, "sub-1", "land-officer", "이유", NOW));
        assertEquals("sub-1", f.holderSubject);
        assertNull(f.takenOverFrom, "nobody held it: no take-over");
        assertNull(FilingHolding.takeOver(f, "sub-1", "land-officer", "이유", NOW));
        f.status = OwnerChangeFiling.Status.REJECTED;
        assertEquals(409, assertThrows(ProblemException.class,
                () -> FilingHolding.takeOver(f, "sub-3", "land-officer3", "이유", NOW)).problem().status());
    }

    @Test
    void theOfficerWhoFiledTheRequestNeitherTakesNorDecidesIt() {
        OwnerChangeFiling f = waiting();
        f.filedBy = "sub-1";
        for (Runnable act : new Runnable[] {
                () -> FilingHolding.take(f, "sub-1", "land-officer", NOW),
                () -> FilingHolding.deciding(f, "sub-1")}) {
            ProblemException refused = assertThrows(ProblemException.class, act::run);
            assertEquals(409, refused.problem().status());
            assertTrue(refused.problem().detailKo().contains("본인이 신청한"), refused.problem().detailKo());
        }
        FilingHolding.take(f, "sub-3", "land-officer3", NOW);
        assertThrows(ProblemException.class, () -> FilingHolding.takeOver(f, "sub-1", "land-officer", "이유", NOW));
        assertEquals("sub-3", f.holderSubject);
        FilingHolding.deciding(f, "sub-3");
    }

    @Test
    void aFreeRequestIsAssignedToAColleagueAndTheHoldingSaysWhoAssignedIt() {
        OwnerChangeFiling f = waiting();
        assertTrue(FilingHolding.assign(f, "sub-1", "land-officer", "sub-3", "land-officer3", NOW));
        assertEquals("sub-3", f.holderSubject);
        assertEquals("land-officer3", f.holderName);
        assertEquals("land-officer", f.assignedBy);
        assertEquals(NOW, f.heldSince);
        assertFalse(FilingHolding.assign(f, "sub-3", "land-officer3", "sub-3", "land-officer3", NOW.plusSeconds(9)),
                "the colleague holds it already: nothing changes");
        assertEquals(NOW, f.heldSince);
    }

    @Test
    void theHolderHandsARequestOnAndTheAssignmentIsClearedWhenItIsLetGo() {
        OwnerChangeFiling f = waiting();
        FilingHolding.take(f, "sub-1", "land-officer", NOW);
        assertTrue(FilingHolding.assign(f, "sub-1", "land-officer", "sub-3", "land-officer3", NOW));
        assertEquals("sub-3", f.holderSubject);
        FilingHolding.release(f, "sub-3");
        assertNull(f.assignedBy);
        assertNull(f.holderSubject);
    }

    @Test
    void aRequestAnotherOfficerHoldsIsNotAssignedAway() {
        OwnerChangeFiling f = waiting();
        FilingHolding.take(f, "sub-2", "land-officer2", NOW);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> FilingHolding.assign(f, "sub-1", "land-officer", "sub-3", "land-officer3", NOW));
        assertTrue(refused.problem().type().toString().endsWith("case-held"));
        assertEquals("sub-2", f.holderSubject);
    }

    @Test
    void namingOneselfIsTakingItAndATakeOverClearsWhoAssignedIt() {
        OwnerChangeFiling f = waiting();
        assertFalse(FilingHolding.assign(f, "sub-1", "land-officer", "sub-1", "land-officer", NOW));
        assertEquals("sub-1", f.holderSubject);
        assertNull(f.assignedBy, "nobody assigned it: it was taken");
        FilingHolding.assign(f, "sub-1", "land-officer", "sub-3", "land-officer3", NOW);
        FilingHolding.takeOver(f, "sub-1", "land-officer", "담당자 출장", NOW);
        assertEquals("sub-1", f.holderSubject);
        assertNull(f.assignedBy);
        assertEquals("land-officer3", f.takenOverFrom);
    }

    @Test
    void neitherTheAssignerNorTheAssigneeMayBeTheFiler() {
        OwnerChangeFiling f = waiting();
        f.filedBy = "sub-3";
        ProblemException toFiler = assertThrows(ProblemException.class,
                () -> FilingHolding.assign(f, "sub-1", "land-officer", "sub-3", "land-officer3", NOW));
        assertEquals(409, toFiler.problem().status());
        ProblemException byFiler = assertThrows(ProblemException.class,
                () -> FilingHolding.assign(f, "sub-3", "land-officer3", "sub-1", "land-officer", NOW));
        assertEquals(409, byFiler.problem().status());
        assertNull(f.holderSubject);
    }

    @Test
    void aDecidedRequestIsNotAssigned() {
        OwnerChangeFiling f = waiting();
        f.status = OwnerChangeFiling.Status.APPROVED;
        assertThrows(ProblemException.class,
                () -> FilingHolding.assign(f, "sub-1", "land-officer", "sub-3", "land-officer3", NOW));
        assertNull(f.holderSubject);
    }
}
