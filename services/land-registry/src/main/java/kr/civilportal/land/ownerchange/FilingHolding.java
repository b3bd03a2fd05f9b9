package kr.civilportal.land.ownerchange;

import java.time.Instant;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;

/**
 * The rules of holding an owner-change request (담당), as the passport and residency offices hold their cases: one
 * land officer at most holds a waiting request; only they decide it while they hold it (the others get a 409
 * naming them, before anything changes). A request nobody holds may be decided by any officer of its office (who
 * decided it stays in {@code decidedBy}). A decided request is no one's work any more. A request another officer
 * holds can be taken over with a reason (담당 인계: its holder is away), never by accident: acting on it or taking
 * it is still refused. An officer may also give a request nobody holds, or one they hold, to a colleague (배정).
 * Plain rules on the entity: the caller locks its row first.
 */
public final class FilingHolding {

    private FilingHolding() {
    }

    /** The officer takes the request; theirs already: nothing changes (a repeat is harmless). */
    public static void take(OwnerChangeFiling filing, String subject, String name, Instant now) {
        mustBeWaiting(filing);
        mustNotBeTheFiler(filing, subject);
        mustNotBeHeldByAnother(filing, subject);
        if (filing.holderSubject == null) {
            filing.holderSubject = subject;
            filing.holderName = name;
            filing.heldSince = now;
        }
    }

    /**
     * 담당 인계: the officer takes over a request another officer holds, for {@code reason}. Nobody holds it, or the
     * officer already does: taken as by {@link #take} (no take-over happened). Returns whom it was taken from, or
     * null when there was no take-over.
     */
    public static String takeOver(OwnerChangeFiling filing, String subject, String name, String reason, Instant now) {
        if (filing.holderSubject == null || filing.holderSubject.equals(subject)) {
            take(filing, subject, name, now);
            return null;
        }
        mustBeWaiting(filing);
        mustNotBeTheFiler(filing, subject);
        String from = filing.holderName;
        filing.holderSubject = subject;
        filing.holderName = name;
        filing.heldSince = now;
        filing.takenOverFrom = from;
        filing.takeoverReason = reason;
        filing.assignedBy = null;
        return from;
    }

    /**
     * 배정: the officer gives a waiting request to a colleague (whom the caller has checked to be a land officer of
     * its office). Nobody holds it, or the officer does (handing it on): the colleague holds it from now, and the
     * holding says who assigned it. Another officer holds it: 409 case-held, as for any act on it (it is taken over
     * first, with a reason). The colleague holds it already: nothing changes. The officer names themself: taken as
     * by {@link #take}. Neither the officer nor the colleague may be its filer (이해충돌: a filer who is also an
     * officer would otherwise choose who decides their own request). Returns whether an assignment happened.
     */
    public static boolean assign(OwnerChangeFiling filing, String subject, String name, String assigneeSubject,
                                 String assigneeName, Instant now) {
        mustBeWaiting(filing);
        mustNotBeTheFiler(filing, subject);
        if (assigneeSubject.equals(filing.filedBy)) {
            throw ProblemException.conflict("Officer " + assigneeName + " filed this owner-change request: another "
                    + "officer decides it.", assigneeName + "님이 신청한 소유자 변동 신청이므로 배정할 수 없습니다.");
        }
        if (assigneeSubject.equals(filing.holderSubject)) {
            return false;
        }
        mustNotBeHeldByAnother(filing, subject);
        if (assigneeSubject.equals(subject)) {
            take(filing, subject, name, now);
            return false;
        }
        filing.holderSubject = assigneeSubject;
        filing.holderName = assigneeName;
        filing.heldSince = now;
        filing.takenOverFrom = null;
        filing.takeoverReason = null;
        filing.assignedBy = name;
        return true;
    }

    /** The holder lets go; nobody holds it already: nothing changes. */
    public static void release(OwnerChangeFiling filing, String subject) {
        mustNotBeHeldByAnother(filing, subject);
        letGo(filing);
    }

    /** Before an officer decides: refused if it was decided, or if another holds it. */
    public static void deciding(OwnerChangeFiling filing, String subject) {
        mustBeWaiting(filing);
        mustNotBeTheFiler(filing, subject);
        mustNotBeHeldByAnother(filing, subject);
    }

    /** The request has just been decided: nobody holds it any more (who decided it stays in {@code decidedBy}). */
    public static void decided(OwnerChangeFiling filing) {
        letGo(filing);
    }

    private static void letGo(OwnerChangeFiling filing) {
        filing.holderSubject = null;
        filing.holderName = null;
        filing.heldSince = null;
        filing.takenOverFrom = null;
        filing.takeoverReason = null;
        filing.assignedBy = null;
    }

    private static void mustBeWaiting(OwnerChangeFiling filing) {
        if (filing.status != OwnerChangeFiling.Status.RECEIVED) {
            throw ProblemException.conflict("This owner-change request was already decided (" + filing.status + ").",
                    "이미 처리된 소유자 변동 신청입니다.");
        }
    }

    /**
     * 이해충돌: an account that filed a request (one with both the citizen and the land-officer role) never takes or
     * decides it; another officer of the office does.
     */
    private static void mustNotBeTheFiler(OwnerChangeFiling filing, String subject) {
        if (subject.equals(filing.filedBy)) {
            throw ProblemException.conflict("You filed this owner-change request: another officer decides it.",
                    "본인이 신청한 소유자 변동 신청은 처리할 수 없습니다. 다른 담당자가 처리합니다.");
        }
    }

    private static void mustNotBeHeldByAnother(OwnerChangeFiling filing, String subject) {
        if (filing.holderSubject != null && !filing.holderSubject.equals(subject)) {
            throw new ProblemException(ProblemType.CASE_HELD, "Officer " + filing.holderName + " holds this owner-change "
                    + "request: they decide it or let it go first, or it is taken over with a reason (takeover).",
                    "담당자 " + filing.holderName + "님이 처리 중인 소유자 변동 신청입니다. 담당자가 처리하거나 담당을 "
                    + "해제한 뒤에 처리할 수 있고, 담당자가 자리에 없으면 사유를 적어 담당을 인계받을 수 있습니다.");
        }
    }
}
