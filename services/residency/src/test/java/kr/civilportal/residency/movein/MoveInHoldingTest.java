package kr.civilportal.residency.movein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import kr.civilportal.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** 담당 rules on a move-in report, without Quarkus: who may take, let go and decide it. */
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
            assertEquals(true, refused.problem().type().toString().endsWith(MoveInHolding.HELD_BY_ANOTHER.slug()));
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
}
