package kr.civilportal.citizen.petitions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.civilportal.citizen.CitizenMessages;
import kr.civilportal.citizen.movein.MoveIn;
import kr.civilportal.citizen.movein.MoveInMode;
import kr.civilportal.citizen.movein.MoveInStatus;
import kr.civilportal.citizen.passport.PassportApplication;
import kr.civilportal.citizen.report.FiledReports;
import kr.civilportal.citizen.report.ReportStatus;
import kr.civilportal.web.api.PortalService;

/** Each service's petitions as the dashboard lists them: the Government24 state and a history in words. */
final class Petitions {

    private Petitions() {
    }

    static Petition of(MoveIn m, CitizenMessages msg) {
        return of(m, msg, null);
    }

    /** With the texts of 보완 ({@code petition}: the steps asked and answered), when the page has them. */
    static Petition of(MoveIn m, CitizenMessages msg, PetitionMessages petition) {
        PetitionState state = PetitionState.ofMoveIn(m.status().name());
        List<Petition.Step> history = new ArrayList<>();
        history.add(new Petition.Step(m.submittedAt(), msg.petitionState(PetitionState.RECEIVED)));
        boolean joining = m.mode() == MoveInMode.JOIN_HOUSEHOLD;
        if (m.status() == MoveInStatus.AWAITING_HEAD) {
            history.add(new Petition.Step(m.submittedAt(), msg.household_awaiting_head()));
        }
        for (MoveIn.Supplement s : m.supplements()) {
            String asked = msg.petitionState(PetitionState.SUPPLEMENT_REQUESTED) + ": " + s.what() + " ("
                    + msg.supplement_deadline() + " " + s.deadline() + ")";
            history.add(new Petition.Step(s.requestedAt(), asked));
            if (s.answeredAt() != null) {
                history.add(new Petition.Step(s.answeredAt(), (petition == null ? "" : petition.movein_answer_step()
                        + ": ") + s.answer()));
            }
        }
        if (m.decidedAt() != null) {
            String what = msg.petitionState(state);
            history.add(new Petition.Step(m.decidedAt(), m.rejectionReason() == null ? what : what + ": " + m.rejectionReason()));
        }
        String title = m.officeName() == null ? msg.movein_petition() : msg.movein_petition() + " · " + m.officeName();
        // The deadline matters while the office owes the decision; once decided, the history says when.
        Petition.Deadline deadline = m.status() == MoveInStatus.SUBMITTED && m.dueAt() != null
                ? new Petition.Deadline(m.dueAt(), m.overdue()) : null;
        // A report asked for a supplement has a page of its own, where it is answered; a JOIN otherwise follows its
        // head's answer on the household page.
        String detail = !m.supplements().isEmpty() ? "/my/petitions/move-in/" + m.id()
                : joining && m.undecided() ? "/my/household" : null;
        return new Petition(PortalService.RESIDENCY, m.id().toString(), title, state, m.submittedAt(),
                detail, history, deadline);
    }

    /** A 119 report as its receipt shows it (state and when it was received), opened by its receipt page. */
    static Petition of(FiledReports.Filed report, ReportStatus status, Instant receivedAt, String receiptPath,
            CitizenMessages msg) {
        return new Petition(PortalService.EMERGENCY_REPORT, report.id().toString(),
                msg.nav_report119() + ": " + msg.reportCategory(report.category()),
                PetitionState.ofReport(status.name()), receivedAt, receiptPath,
                List.of(new Petition.Step(receivedAt, msg.reportStatus(status))));
    }

    static Petition of(PassportApplication a, CitizenMessages msg) {
        List<Petition.Step> history = new ArrayList<>();
        for (PassportApplication.StatusChange h : a.history()) {
            // An identity-check step keeps the status it was taken in: named by its status it would read, during a
            // 보완, as a second supplement request.
            String what = h.identityCheck() != null ? msg.pass_identity_step() : msg.passportStatus(h.to());
            if (h.reason() != null) {
                what += ": " + h.reason();
            }
            if (h.supplementDeadline() != null) {
                what += " (" + msg.supplement_deadline() + " " + h.supplementDeadline() + ")";
            }
            history.add(new Petition.Step(h.at(), what));
        }
        return new Petition(PortalService.PASSPORT, a.id().toString(), msg.passportKind(a.kind()),
                PetitionState.ofPassport(a.status().name()), a.submittedAt(), "/my/petitions/passport/" + a.id(), history,
                a.dueOn() == null ? null : new Petition.Deadline(a.dueOn(), a.overdue()));
    }
}
