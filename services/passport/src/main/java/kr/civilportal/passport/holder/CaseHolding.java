package kr.civilportal.passport.holder;

import java.time.Instant;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.passport.application.PassportApplication;

/**
 * The rules of holding a case (담당): one officer at most holds an application; only they act on it while they
 * hold it (the others get a 409 naming them, before anything changes), and an officer who acts on a case nobody
 * holds takes it. An officer takes a free case or lets go of their own; a final case (issued, rejected) is no
 * one's work any more and cannot be taken. A case another officer holds can be taken over with a reason
 * (담당 인계: its holder is away), never by accident: acting on it or taking it is still refused. An officer may
 * also give a case nobody holds, or one they hold, to a colleague of its office (배정). Plain rules on the entity:
 * the caller locks its row first.
 */
public final class CaseHolding {

    private CaseHolding() {
    }

    /** The officer takes the case; theirs already: nothing changes (a repeat is harmless). */
    public static void take(PassportApplication application, String subject, String name, Instant now) {
        mustBeOpen(application);
        mustNotBeHeldByAnother(application, subject);
        if (application.holderSubject == null) {
            application.holderSubject = subject;
            application.holderName = name;
            application.heldSince = now;
        }
    }

    /**
     * 담당 인계: the officer takes over a case another officer holds, for {@code reason}. Nobody holds it, or the
     * officer already does: taken as by {@link #take} (no take-over happened). Returns whom it was taken from, or
     * null when there was no take-over.
     */
    public static String takeOver(PassportApplication application, String subject, String name, String reason,
            Instant now) {
        if (application.holderSubject == null || application.holderSubject.equals(subject)) {
            take(application, subject, name, now);
            return null;
        }
        mustBeOpen(application);
        String from = application.holderName;
        application.holderSubject = subject;
        application.holderName = name;
        application.heldSince = now;
        application.takenOverFrom = from;
        application.takeoverReason = reason;
        application.assignedBy = null;
        return from;
    }

    /**
     * 배정: the officer gives an open case to a colleague (whom the caller has checked to be a passport officer of
     * its receiving office). Nobody holds it, or the officer does (handing it on): the colleague holds it from now,
     * and the holding says who assigned it. Another officer holds it: 409 case-held, as for any act on it (it is
     * taken over first, with a reason). The colleague holds it already: nothing changes, so a repeat is harmless.
     * The officer names themself: taken as by {@link #take}. Returns whether an assignment happened.
     */
    public static boolean assign(PassportApplication application, String subject, String name,
            String assigneeSubject, String assigneeName, Instant now) {
        mustBeOpen(application);
        if (assigneeSubject.equals(application.holderSubject)) {
            return false;
        }
        mustNotBeHeldByAnother(application, subject);
        if (assigneeSubject.equals(subject)) {
            take(application, subject, name, now);
            return false;
        }
        application.holderSubject = assigneeSubject;
        application.holderName = assigneeName;
        application.heldSince = now;
        application.takenOverFrom = null;
        application.takeoverReason = null;
        application.assignedBy = name;
        return true;
    }

    /** The holder lets go; nobody holds it already: nothing changes. */
    public static void release(PassportApplication application, String subject) {
        mustNotBeHeldByAnother(application, subject);
        letGo(application);
    }

    /** Before an officer acts: refused if another holds the case; taken if nobody does (and it stays open). */
    public static void actingOn(PassportApplication application, String subject, String name, Instant now) {
        mustNotBeHeldByAnother(application, subject);
        if (application.holderSubject == null && !application.status.isFinal()
                && !application.status.awaitsPayment()) {
            application.holderSubject = subject;
            application.holderName = name;
            application.heldSince = now;
        }
    }

    /**
     * The case has just reached a final state: nobody holds it any more, so that an officer's "my cases" lists the
     * work still to do. Who took each step stays in the application's history.
     */
    public static void finished(PassportApplication application) {
        if (application.status.isFinal()) {
            letGo(application);
        }
    }

    private static void letGo(PassportApplication application) {
        application.holderSubject = null;
        application.holderName = null;
        application.heldSince = null;
        application.takenOverFrom = null;
        application.takeoverReason = null;
        application.assignedBy = null;
    }

    private static void mustBeOpen(PassportApplication application) {
        // Not received yet: officers do not list it, and holding it would put it on someone's "my cases" with no
        // work to do (and no 처리기한) until the citizen pays, which may never happen.
        if (application.status.awaitsPayment()) {
            throw ProblemException.conflict("The application is AWAITING_PAYMENT: it is received once its fee is "
                    + "paid, and only then can an officer hold it.",
                    "수수료 결제를 기다리는 신청입니다. 결제되어 접수된 뒤에 담당할 수 있습니다.");
        }
        if (application.status.isFinal()) {
            throw ProblemException.conflict("The application is " + application.status + ": nothing is left to do.",
                    "이미 처리가 끝난 신청입니다 (" + application.status + ").");
        }
    }

    private static void mustNotBeHeldByAnother(PassportApplication application, String subject) {
        if (application.holderSubject != null && !application.holderSubject.equals(subject)) {
            throw new ProblemException(ProblemType.CASE_HELD, "Officer " + application.holderName + " holds this "
                    + "application: they act on it or let it go first, or it is taken over with a reason "
                    + "(takeOverReason).", "담당자 " + application.holderName + "님이 처리 중인 신청입니다. 담당자가 "
                    + "처리하거나 담당을 해제한 뒤에 처리할 수 있고, 담당자가 자리에 없으면 사유를 적어 담당을 인계받을 수 있습니다.");
        }
    }
}
