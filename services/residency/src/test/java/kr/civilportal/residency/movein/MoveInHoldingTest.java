package kr.civilportal.residency.movein;

import kr.civilportal.common.problem.ProblemType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import kr.civilportal.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** 담당 rules on a move-in report, without Quarkus: who may take, let go, decide and assign it. */
class MoveInHoldingTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.ofHours(9));

    static MoveInReport waiting() {
        MoveInReport r = new MoveInReport();
        r.status = MoveInReport.Status.SUBMITTED;
        return r;
    }

    @Test
    void anOfficerTakesAFreeReportAndARepeatChangesNothing() {
        MoveInReport r = waiting();
        MoveInHolding.take(r, "sub-a", "officer-a", NOW);
        MoveInHolding.take(r, "sub-a", "officer-a", NOW.plusHours(1));
        assertEquals("officer-a", r.holderName);
        assertEquals(NOW, r.heldSince);
    }

    @Test
    void anotherOfficerCanNeitherTakeNorReleaseNorDecideAHeldReport() {
        MoveInReport r = waiting();
        MoveInHolding.take(r, "sub-a", "officer-a", NOW);
        for (Runnable attempt : new Runnable[] {() -> MoveInHolding.take(r, "sub-b", "officer-b", NOW),
                () -> MoveInHolding.release(r, "sub-b"), () -> MoveInHolding.deciding(r, "sub-b")}) {
            ProblemException refused = assertThrows(ProblemException.class, attempt::run);
            assertEquals(409, refused.problem().status());
            assertEquals(true, refused.problem().type().toString().endsWith(ProblemType.CASE_HELD.slug()));
            assertEquals(true, refused.problem().detail().contains("officer-a"));
        }
        assertEquals("sub-a", r.holderSubject);
    }

    @Test
    void theHolderLetsGoAndThenAnotherMayTakeIt() {
        MoveInReport r = waiting();
        MoveInHolding.take(r, "sub-a", "officer-a", NOW);
        MoveInHolding.release(r, "sub-a");
        assertNull(r.holderSubject);
        MoveInHolding.release(r, "sub-b");
        MoveInHolding.take(r, "sub-b", "officer-b", NOW);
        assertEquals("officer-b", r.holderName);
    }

    @Test
    void aDecidedReportCannotBeTakenAndFinishingLetsGo() {
        MoveInReport r = waiting();
        MoveInHolding.take(r, "sub-a", "officer-a", NOW);
        MoveInHolding.deciding(r, "sub-a");
        MoveInHolding.finished(r);
        r.status = MoveInReport.Status.APPROVED;
        assertNull(r.holderName);
        assertEquals(409, assertThrows(ProblemException.class,
                () -> MoveInHolding.take(r, "sub-a", "officer-a", NOW)).problem().status());
    }

    @Test
    void aHeldReportIsTakenOverWithAReasonAndSaysFromWhom() {
        MoveInReport r = waiting();
        MoveInHolding.take(r, "sub-a", "officer-a", NOW);
        assertEquals("officer-a", MoveInHolding.takeOver(r, "sub-b", "officer-b", "휴가", NOW.plusHours(1)));
        assertEquals("sub-b", r.holderSubject);
        assertEquals("officer-b", r.holderName);
        assertEquals(NOW.plusHours(1), r.heldSince);
        assertEquals("officer-a", r.takenOverFrom);
        assertEquals("휴가", r.takeoverReason);
        assertEquals("officer-a", MoveInHolder.of(r).takenOverFrom());
        assertEquals("휴가", MoveInHolder.of(r).takeoverReason());
        // Their own already: no take-over, and the holding still says whom it came from.
        assertNull(MoveInHolding.takeOver(r, "sub-b", "officer-b", "휴가", NOW.plusHours(2)));
        assertEquals(NOW.plusHours(1), r.heldSince);
        assertEquals("officer-a", r.takenOverFrom);
        // The former holder is now another officer: refused like anyone else.
        ProblemException refused = assertThrows(ProblemException.class, () -> MoveInHolding.deciding(r, "sub-a"));
        assertEquals(409, refused.problem().status());
        assertEquals(true, refused.problem().detail().contains("officer-b"));
    }

    @Test
    void aFreeReportTakenOverIsSimplyTakenAndLettingGoForgetsTheTakeover() {
        MoveInReport r = waiting();
        assertNull(MoveInHolding.takeOver(r, "sub-a", "officer-a", "복귀", NOW));
        assertEquals("officer-a", r.holderName);
        assertNull(r.takenOverFrom);
        assertNull(r.takeoverReason);
        MoveInHolding.takeOver(r, "sub-b", "officer-b", "휴가", NOW);
        MoveInHolding.release(r, "sub-b");
        assertNull(r.holderSubject);
        assertNull(r.takenOverFrom);
        assertNull(r.takeoverReason);
        MoveInHolding.take(r, "sub-a", "officer-a", NOW);
        assertNull(r.takenOverFrom);
        assertNull(MoveInHolder.of(r).takeoverReason());
    }

    @Test
    void aDecidedReportCannotBeTakenOverAndTheCaseHeldAnswerSaysItCanBe() {
        MoveInReport r = waiting();
        MoveInHolding.take(r, "sub-a", "officer-a", NOW);
        ProblemException held = assertThrows(ProblemException.class, () -> MoveInHolding.take(r, "sub-b", "b", NOW));
        assertEquals(true, held.problem().detail().contains("taken over with a reason"), held.problem().detail());
        r.status = MoveInReport.Status.APPROVED;
        ProblemException decided = assertThrows(ProblemException.class,
                () -> MoveInHolding.takeOver(r, "sub-b", "officer-b", "휴가", NOW));
        assertEquals(409, decided.problem().status());
        assertEquals(false, decided.problem().type().toString().endsWith(ProblemType.CASE_HELD.slug()));
        assertEquals("sub-a", r.holderSubject);
        assertNull(r.takenOverFrom);
    }

    @Test
    void aFreeReportIsAssignedToAColleagueAndTheHoldingSaysWhoAssignedIt() {
        MoveInReport r = waiting();
        assertTrue(MoveInHolding.assign(r, "sub-a", "officer-a", "sub-c", "officer-c", NOW));
        assertEquals("sub-c", r.holderSubject);
        assertEquals("officer-c", r.holderName);
        assertEquals("officer-a", r.assignedBy);
        assertEquals(NOW, r.heldSince);
        assertEquals("officer-a", MoveInHolder.of(r).assignedBy());
        assertFalse(MoveInHolding.assign(r, "sub-c", "officer-c", "sub-c", "officer-c", NOW.plusHours(1)),
                "the colleague holds it already: nothing changes");
        assertFalse(MoveInHolding.assign(r, "sub-a", "officer-a", "sub-c", "officer-c", NOW.plusHours(1)),
                "a repeat of the assignment changes nothing");
        assertEquals(NOW, r.heldSince);
        assertEquals("officer-a", r.assignedBy);
    }

    @Test
    void theHolderHandsAReportOnAndLettingGoForgetsWhoAssignedIt() {
        MoveInReport r = waiting();
        MoveInHolding.take(r, "sub-a", "officer-a", NOW);
        assertTrue(MoveInHolding.assign(r, "sub-a", "officer-a", "sub-c", "officer-c", NOW.plusHours(1)));
        assertEquals("sub-c", r.holderSubject);
        assertEquals(NOW.plusHours(1), r.heldSince);
        // The assigner no longer holds it: refused like anyone else.
        assertEquals(409, assertThrows(ProblemException.class, () -> MoveInHolding.deciding(r, "sub-a"))
                .problem().status());
        MoveInHolding.release(r, "sub-c");
        assertNull(r.holderSubject);
        assertNull(r.assignedBy);
        MoveInHolding.take(r, "sub-a", "officer-a", NOW);
        assertNull(MoveInHolder.of(r).assignedBy(), "taken, not assigned");
    }

    @Test
    void aReportAnotherOfficerHoldsIsNotAssignedAway() {
        MoveInReport r = waiting();
        MoveInHolding.take(r, "sub-b", "officer-b", NOW);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> MoveInHolding.assign(r, "sub-a", "officer-a", "sub-c", "officer-c", NOW));
        assertEquals(409, refused.problem().status());
        assertTrue(refused.problem().type().toString().endsWith(ProblemType.CASE_HELD.slug()));
        assertTrue(refused.problem().detail().contains("officer-b"));
        assertEquals("sub-b", r.holderSubject);
        assertNull(r.assignedBy);
    }

    @Test
    void namingOneselfIsTakingItAndATakeOverForgetsWhoAssignedIt() {
        MoveInReport r = waiting();
        assertFalse(MoveInHolding.assign(r, "sub-a", "officer-a", "sub-a", "officer-a", NOW));
        assertEquals("sub-a", r.holderSubject);
        assertNull(r.assignedBy, "nobody assigned it: it was taken");
        MoveInHolding.assign(r, "sub-a", "officer-a", "sub-c", "officer-c", NOW);
        assertEquals("officer-c", MoveInHolding.takeOver(r, "sub-a", "officer-a", "담당자 출장", NOW.plusHours(1)));
        assertEquals("sub-a", r.holderSubject);
        assertNull(r.assignedBy);
        assertEquals("officer-c", r.takenOverFrom);
    }

    @Test
    void anAssignmentForgetsAnEarlierTakeover() {
        MoveInReport r = waiting();
        MoveInHolding.take(r, "sub-b", "officer-b", NOW);
        MoveInHolding.takeOver(r, "sub-a", "officer-a", "휴가", NOW);
        MoveInHolding.assign(r, "sub-a", "officer-a", "sub-c", "officer-c", NOW.plusHours(1));
        assertNull(r.takenOverFrom);
        assertNull(r.takeoverReason);
        assertEquals("officer-a", r.assignedBy);
    }

    @Test
    void aDecidedReportIsNotAssignedAndDecidingForgetsWhoAssignedIt() {
        MoveInReport r = waiting();
        MoveInHolding.assign(r, "sub-a", "officer-a", "sub-c", "officer-c", NOW);
        MoveInHolding.deciding(r, "sub-c");
        MoveInHolding.finished(r);
        r.status = MoveInReport.Status.APPROVED;
        assertNull(r.assignedBy);
        ProblemException decided = assertThrows(ProblemException.class,
                () -> MoveInHolding.assign(r, "sub-a", "officer-a", "sub-c", "officer-c", NOW));
        assertEquals(409, decided.problem().status());
        assertFalse(decided.problem().type().toString().endsWith(ProblemType.CASE_HELD.slug()));
        assertNull(r.holderSubject);
    }
}
