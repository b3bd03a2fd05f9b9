package kr.civilportal.residency.movein;

import java.time.OffsetDateTime;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;

/**
 * The rules of holding a move-in report (담당): one officer at most holds a report waiting for a decision; only
 * they decide it while they hold it (the others get a 409 naming them, before anything changes). A report nobody
 * holds may be decided by any officer of its office (who decided it stays in {@code decidedBy}). An officer takes a
 * free report or lets go of their own; a decided one is no one's work any more. A report another officer holds can
 * be taken over with a reason (담당 인계: its holder is away), never by accident: deciding or taking it is still
 * refused. An officer may also give a report nobody holds, or one they hold, to a colleague of its office (배정).
 * The same rules as the passport office's, on this service's own reports. Plain rules on the entity: the caller
 * locks its row first.
 */
public final class MoveInHolding {

    private MoveInHolding() {
    }

    /** The officer takes the report; theirs already: nothing changes (a repeat is harmless). */
    public static void take(MoveInReport report, String subject, String name, OffsetDateTime now) {
        mustBeWaiting(report);
        mustNotBeHeldByAnother(report, subject);
        if (report.holderSubject == null) {
            hold(report, subject, name, now);
        }
    }

    /**
     * 담당 인계: the officer takes over a report another officer holds, for {@code reason}. Nobody holds it, or the
     * officer already does: taken as by {@link #take} (no take-over happened). A decided report: 409. Returns whom
     * it was taken from, or null when there was no take-over.
     */
    public static String takeOver(MoveInReport report, String subject, String name, String reason,
            OffsetDateTime now) {
        if (report.holderSubject == null || report.holderSubject.equals(subject)) {
            take(report, subject, name, now);
            return null;
        }
        mustBeWaiting(report);
        String from = report.holderName;
        hold(report, subject, name, now);
        report.takenOverFrom = from;
        report.takeoverReason = reason;
        return from;
    }

    /**
     * 배정: the officer gives a waiting report to a colleague (whom the caller has checked to be a residency officer of
     * its office). Nobody holds it, or the officer does (handing it on): the colleague holds it from now, and the
     * holding says who assigned it. Another officer holds it: 409 case-held, as for any act on it (it is taken over
     * first, with a reason). The colleague holds it already: nothing changes. The officer names themself: taken as
     * by {@link #take}. Returns whether an assignment happened (and is to be logged).
     */
    public static boolean assign(MoveInReport report, String subject, String name, String assigneeSubject,
            String assigneeName, OffsetDateTime now) {
        mustBeWaiting(report);
        if (assigneeSubject.equals(report.holderSubject)) {
            return false;
        }
        mustNotBeHeldByAnother(report, subject);
        if (assigneeSubject.equals(subject)) {
            take(report, subject, name, now);
            return false;
        }
        hold(report, assigneeSubject, assigneeName, now);
        report.assignedBy = name;
        return true;
    }

    /** The holder lets go; nobody holds it already: nothing changes. */
    public static void release(MoveInReport report, String subject) {
        mustNotBeHeldByAnother(report, subject);
        letGo(report);
    }

    /** Before an officer decides: refused if another holds the report. */
    public static void deciding(MoveInReport report, String subject) {
        mustNotBeHeldByAnother(report, subject);
    }

    /**
     * The report has just been decided (or withdrawn): nobody holds it any more, so that an officer's "my reports"
     * lists the work still to do. Who decided it stays in {@code decidedBy}.
     */
    public static void finished(MoveInReport report) {
        letGo(report);
    }

    private static void hold(MoveInReport report, String subject, String name, OffsetDateTime now) {
        report.holderSubject = subject;
        report.holderName = name;
        report.heldSince = now;
        report.takenOverFrom = null;
        report.takeoverReason = null;
        // A new holding was assigned by nobody until assign() says who: a take or a take-over ends the last one's.
        report.assignedBy = null;
    }

    private static void letGo(MoveInReport report) {
        report.holderSubject = null;
        report.holderName = null;
        report.heldSince = null;
        report.takenOverFrom = null;
        report.takeoverReason = null;
        report.assignedBy = null;
    }

    /** Undecided: a report waiting for the filer's supplement (보완) is still its office's case, and may change hands. */
    private static void mustBeWaiting(MoveInReport report) {
        if (!report.status.undecided()) {
            throw ProblemException.conflict("This move-in report was already decided (" + report.status + ").",
                    "이미 처리된 전입신고입니다.");
        }
    }

    private static void mustNotBeHeldByAnother(MoveInReport report, String subject) {
        if (report.holderSubject != null && !report.holderSubject.equals(subject)) {
            throw new ProblemException(ProblemType.CASE_HELD, "Officer " + report.holderName + " holds this move-in "
                    + "report: they decide it or let it go first, or it is taken over with a reason "
                    + "(POST holder/takeover).",
                    "담당자 " + report.holderName + "님이 처리 중인 전입신고입니다. 담당자가 처리하거나 담당을 해제한 뒤에 "
                    + "처리할 수 있고, 담당자가 자리에 없으면 사유를 적어 담당을 인계받을 수 있습니다.");
        }
    }
}
