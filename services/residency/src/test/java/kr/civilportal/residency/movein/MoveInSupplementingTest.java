package kr.civilportal.residency.movein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** 보완 rules on a move-in report, without Quarkus: who may ask, until when, answering and the lapse. */
class MoveInSupplementingTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.ofHours(9));
    static final LocalDate TODAY = NOW.toLocalDate();
    static final int LONGEST = 30;

    static MoveInReport waiting() {
        MoveInReport r = MoveInHoldingTest.waiting();
        r.id = UUID.randomUUID();
        return r;
    }

    static MoveInSupplement asked(MoveInReport r, LocalDate deadline) {
        return MoveInSupplementing.request(r, "  임대차계약서 사본 ", deadline, "officer-a", NOW, TODAY, LONGEST);
    }

    static void refused(int status, String field, Runnable attempt) {
        ProblemException refused = assertThrows(ProblemException.class, attempt::run);
        assertEquals(status, refused.problem().status());
        if (field != null) {
            assertEquals(field, refused.problem().errors().get(0).field());
        }
    }

    @Test
    void anOfficerAsksForWhatIsMissingByADayAndTheReportWaitsForTheFiler() {
        MoveInReport r = waiting();
        MoveInHolding.take(r, "sub-a", "officer-a", NOW);
        MoveInSupplement round = asked(r, TODAY.plusDays(7));
        assertEquals(MoveInReport.Status.SUPPLEMENT_REQUESTED, r.status);
        assertEquals("임대차계약서 사본", round.what);
        assertEquals(r.id, round.reportId);
        assertEquals("officer-a", round.requestedBy);
        assertTrue(round.open());
        // Holding is untouched: the officer who asked reads the answer.
        assertEquals("sub-a", r.holderSubject);
        // Still the office's case: a colleague may take it over, nobody may ask twice.
        refused(409, null, () -> asked(r, TODAY.plusDays(3)));
    }

    @Test
    void theDeadlineIsFromTomorrowToTheLongestAllowed() {
        refused(400, "deadline", () -> asked(waiting(), null));
        refused(400, "deadline", () -> asked(waiting(), TODAY));
        refused(400, "deadline", () -> asked(waiting(), TODAY.minusDays(1)));
        refused(400, "deadline", () -> asked(waiting(), TODAY.plusDays(LONGEST + 1)));
        asked(waiting(), TODAY.plusDays(1));
        asked(waiting(), TODAY.plusDays(LONGEST));
    }

    @Test
    void aDecidedOrWithdrawnReportIsNotAskedAnything() {
        for (MoveInReport.Status done : new MoveInReport.Status[] {MoveInReport.Status.APPROVED,
                MoveInReport.Status.REJECTED, MoveInReport.Status.WITHDRAWN}) {
            MoveInReport r = waiting();
            r.status = done;
            refused(409, null, () -> asked(r, TODAY.plusDays(2)));
            assertEquals(done, r.status);
        }
    }

    @Test
    void theFilerAnswersUntilTheDeadlineDayEndsAndTheReportIsTheOfficersAgain() {
        MoveInReport r = waiting();
        MoveInSupplement round = asked(r, TODAY.plusDays(2));
        // After the day: refused, nothing changes.
        refused(409, null, () -> MoveInSupplementing.answer(r, round, "제출", NOW, TODAY.plusDays(3)));
        assertEquals(MoveInReport.Status.SUPPLEMENT_REQUESTED, r.status);
        assertNull(round.answer);
        // On the day itself: answered.
        MoveInSupplementing.answer(r, round, " 제출했습니다 ", NOW.plusDays(2), TODAY.plusDays(2));
        assertEquals(MoveInReport.Status.SUBMITTED, r.status);
        assertEquals("제출했습니다", round.answer);
        assertEquals(NOW.plusDays(2), round.answeredAt);
        // Twice: nothing is asked any more.
        refused(409, null, () -> MoveInSupplementing.answer(r, round, "다시", NOW, TODAY));
    }

    @Test
    void aReportWaitingForASupplementIsNotDecidedButOnceAnsweredItIs() {
        MoveInReport r = waiting();
        MoveInSupplement round = asked(r, TODAY.plusDays(2));
        ProblemException refused = assertThrows(ProblemException.class,
                () -> MoveInSupplementing.mustNotWaitForSupplement(r, round));
        assertEquals(409, refused.problem().status());
        assertTrue(refused.problem().detail().contains(TODAY.plusDays(2).toString()));
        MoveInSupplementing.answer(r, round, "제출", NOW, TODAY);
        MoveInSupplementing.mustNotWaitForSupplement(r, round);
    }

    @Test
    void aLapsedReportIsRejectedNamingTheDeadlineAndIsNobodysAnyMore() {
        MoveInReport r = waiting();
        MoveInHolding.take(r, "sub-a", "officer-a", NOW);
        MoveInSupplement round = asked(r, TODAY.plusDays(1));
        MoveInSupplementing.lapse(r, round, NOW.plusDays(2));
        assertEquals(MoveInReport.Status.REJECTED, r.status);
        assertEquals("보완 기한(" + TODAY.plusDays(1) + ")까지 보완이 없어 반려되었습니다 (no supplement by the deadline)",
                r.rejectionReason);
        assertEquals(MoveInSupplementing.DEADLINE_ACTOR, r.decidedBy);
        assertEquals(NOW.plusDays(2), round.lapsedAt);
        assertNull(r.holderSubject);
        refused(409, null, () -> MoveInSupplementing.answer(r, round, "늦은 제출", NOW, TODAY));
    }
}
