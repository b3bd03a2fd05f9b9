package kr.civilportal.passport.holder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.passport.application.ApplicationStatus;
import kr.civilportal.passport.application.PassportApplication;
import org.junit.jupiter.api.Test;

/**
 * The holding rules alone: one holder, only they act, acting takes a free case, a final case is no one's, and a
 * free case or one's own may be assigned to a colleague (배정).
 */
class CaseHoldingTest {

    static final Instant T1 = Instant.parse("2026-12-05T01:00:00Z");
    static final Instant T2 = Instant.parse("2026-12-05T02:00:00Z");

    @Test
    void theFirstToTakeHoldsItAndTheOtherIsToldWho() {
        PassportApplication a = application(ApplicationStatus.SUBMITTED);
        CaseHolding.take(a, "sub-1", "kim", T1);
        CaseHolding.take(a, "sub-1", "kim", T2);
        assertEquals(T1, a.heldSince, "a repeat keeps the first time");
        ProblemException refused = assertThrows(ProblemException.class, () -> CaseHolding.take(a, "sub-2", "lee", T2));
        assertEquals(409, refused.problem().status());
        assertEquals("urn:civilportal:problem:case-held", refused.problem().type().toString());
        assertThrows(ProblemException.class, () -> CaseHolding.actingOn(a, "sub-2", "lee", T2));
        assertThrows(ProblemException.class, () -> CaseHolding.release(a, "sub-2"));
        assertEquals("kim", a.holderName);
    }

    @Test
    void aHeldCaseIsTakenOverOnlyOnPurposeAndSaysFromWhom() {
        PassportApplication a = application(ApplicationStatus.UNDER_REVIEW);
        CaseHolding.take(a, "sub-1", "kim", T1);
        assertEquals("kim", CaseHolding.takeOver(a, "sub-2", "lee", "휴가", T2));
        assertEquals("sub-2", a.holderSubject);
        assertEquals(T2, a.heldSince);
        assertEquals("kim", a.takenOverFrom);
        assertEquals("휴가", a.takeoverReason);
        assertNull(CaseHolding.takeOver(a, "sub-2", "lee", "휴가", T2), "their own already: no take-over");
        CaseHolding.release(a, "sub-2");
        assertNull(a.takenOverFrom);
        assertNull(CaseHolding.takeOver(a, "sub-1", "kim", "복귀", T2), "a free case is simply taken");
        assertNull(a.takenOverFrom);
        PassportApplication done = application(ApplicationStatus.ISSUED);
        done.holderSubject = "sub-1";
        assertThrows(ProblemException.class, () -> CaseHolding.takeOver(done, "sub-2", "lee", "휴가", T2));
    }

    @Test
    void actingOnAFreeCaseTakesItButNotAFinalOne() {
        PassportApplication open = application(ApplicationStatus.UNDER_REVIEW);
        CaseHolding.actingOn(open, "sub-2", "lee", T1);
        assertEquals("sub-2", open.holderSubject);
        CaseHolding.release(open, "sub-2");
        assertNull(open.holderSubject);
        CaseHolding.release(open, "sub-1");
        assertNull(open.holderName, "letting go of a free case changes nothing");

        PassportApplication done = application(ApplicationStatus.ISSUED);
        CaseHolding.actingOn(done, "sub-1", "kim", T1);
        assertNull(done.holderSubject);
        assertThrows(ProblemException.class, () -> CaseHolding.take(done, "sub-1", "kim", T1));
    }

    @Test
    void aCaseThatReachesAFinalStateIsLetGo() {
        PassportApplication a = application(ApplicationStatus.UNDER_REVIEW);
        CaseHolding.take(a, "sub-1", "kim", T1);
        CaseHolding.finished(a);
        assertEquals("sub-1", a.holderSubject, "still open: still theirs");
        a.status = ApplicationStatus.REJECTED;
        CaseHolding.finished(a);
        assertNull(a.holderSubject);
        assertNull(a.holderName);
        assertNull(a.heldSince);
    }

    @Test
    void aFreeCaseIsAssignedToAColleagueAndTheHoldingSaysWhoAssignedIt() {
        PassportApplication a = application(ApplicationStatus.SUBMITTED);
        assertTrue(CaseHolding.assign(a, "sub-1", "kim", "sub-2", "lee", T1));
        assertEquals("sub-2", a.holderSubject);
        assertEquals("lee", a.holderName);
        assertEquals("kim", a.assignedBy);
        assertEquals(T1, a.heldSince);
        assertFalse(CaseHolding.assign(a, "sub-1", "kim", "sub-2", "lee", T2), "a repeat changes nothing");
        assertFalse(CaseHolding.assign(a, "sub-2", "lee", "sub-2", "lee", T2), "the colleague holds it already");
        assertEquals(T1, a.heldSince);
        assertEquals("kim", a.assignedBy);
    }

    @Test
    void theHolderHandsACaseOnAndTheAssignmentIsClearedWhenItIsLetGoOrFinished() {
        PassportApplication a = application(ApplicationStatus.UNDER_REVIEW);
        CaseHolding.take(a, "sub-1", "kim", T1);
        assertTrue(CaseHolding.assign(a, "sub-1", "kim", "sub-2", "lee", T2));
        assertEquals("sub-2", a.holderSubject);
        assertEquals(T2, a.heldSince);
        CaseHolding.release(a, "sub-2");
        assertNull(a.assignedBy);
        assertNull(a.holderSubject);

        CaseHolding.assign(a, "sub-1", "kim", "sub-2", "lee", T2);
        a.status = ApplicationStatus.REJECTED;
        CaseHolding.finished(a);
        assertNull(a.assignedBy, "a finished case is no one's, assigned or not");
    }

    @Test
    void aCaseAnotherOfficerHoldsIsNotAssignedAway() {
        PassportApplication a = application(ApplicationStatus.UNDER_REVIEW);
        CaseHolding.take(a, "sub-3", "park", T1);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> CaseHolding.assign(a, "sub-1", "kim", "sub-2", "lee", T2));
        assertEquals("urn:civilportal:problem:case-held", refused.problem().type().toString());
        assertEquals("sub-3", a.holderSubject);
        assertNull(a.assignedBy);
    }

    @Test
    void namingOneselfIsTakingItAndATakeOverClearsWhoAssignedIt() {
        PassportApplication a = application(ApplicationStatus.SUBMITTED);
        assertFalse(CaseHolding.assign(a, "sub-1", "kim", "sub-1", "kim", T1));
        assertEquals("sub-1", a.holderSubject);
        assertNull(a.assignedBy, "nobody assigned it: it was taken");

        assertTrue(CaseHolding.assign(a, "sub-1", "kim", "sub-2", "lee", T1));
        assertEquals("lee", CaseHolding.takeOver(a, "sub-3", "park", "휴가", T2));
        assertEquals("sub-3", a.holderSubject);
        assertEquals("lee", a.takenOverFrom);
        assertNull(a.assignedBy);
    }

    @Test
    void anAssignmentClearsAnEarlierTakeOver() {
        PassportApplication a = application(ApplicationStatus.UNDER_REVIEW);
        CaseHolding.take(a, "sub-1", "kim", T1);
        CaseHolding.takeOver(a, "sub-2", "lee", "휴가", T1);
        assertTrue(CaseHolding.assign(a, "sub-2", "lee", "sub-3", "park", T2));
        assertNull(a.takenOverFrom);
        assertNull(a.takeoverReason);
        assertEquals("lee", a.assignedBy);
    }

    @Test
    void aFinalCaseIsNotAssigned() {
        PassportApplication a = application(ApplicationStatus.ISSUED);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> CaseHolding.assign(a, "sub-1", "kim", "sub-2", "lee", T1));
        assertEquals(409, refused.problem().status());
        assertNull(a.holderSubject);
    }

    @Test
    void anApplicationAwaitingItsFeeIsNobodysYetNeitherTakenNorAssigned() {
        PassportApplication a = application(ApplicationStatus.AWAITING_PAYMENT);
        assertEquals(409, assertThrows(ProblemException.class,
                () -> CaseHolding.take(a, "sub-1", "kim", T1)).problem().status());
        assertEquals(409, assertThrows(ProblemException.class,
                () -> CaseHolding.assign(a, "sub-1", "kim", "sub-2", "lee", T1)).problem().status());
        assertEquals(409, assertThrows(ProblemException.class,
                () -> CaseHolding.takeOver(a, "sub-1", "kim", "away", T1)).problem().status());
        assertNull(a.holderSubject);
    }

    private static PassportApplication application(ApplicationStatus status) {
        PassportApplication a = new PassportApplication();
        a.status = status;
        return a;
    }
}
