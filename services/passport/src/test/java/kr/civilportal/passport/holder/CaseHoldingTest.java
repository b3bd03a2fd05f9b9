package kr.civilportal.passport.holder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.passport.application.ApplicationStatus;
import kr.civilportal.passport.application.PassportApplication;
import org.junit.jupiter.api.Test;

/** The holding rules alone: one holder, only they act, acting takes a free case, a final case is no one's. */
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

    private static PassportApplication application(ApplicationStatus status) {
        PassportApplication a = new PassportApplication();
        a.status = status;
        return a;
    }
}
