package kr.civilportal.passport.holder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.passport.application.ApplicationView;
import kr.civilportal.passport.application.Caller;
import kr.civilportal.passport.application.PassportApplication;
import kr.civilportal.passport.workflow.StatusChange;

/**
 * Takes and lets go of applications for officers, each on the application's locked row, so that two officers
 * taking one case at once are serialised and the second finds the first holding it (409).
 */
@ApplicationScoped
public class CaseHolders {

    @Transactional
    public ApplicationView take(UUID id, Caller officer, String name) {
        PassportApplication application = locked(id, officer);
        CaseHolding.take(application, officer.subject(), name, Instant.now().truncatedTo(ChronoUnit.MICROS));
        return application.view(StatusChange.historyOf(id));
    }

    /** 담당 인계: takes the case over from its holder for the reason given, logging it when it happened. */
    @Transactional
    public ApplicationView takeOver(UUID id, Caller officer, String name, String reason) {
        PassportApplication application = locked(id, officer);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String from = CaseHolding.takeOver(application, officer.subject(), name, reason.strip(), now);
        if (from != null) {
            HolderTakeover.of(id, from, name, reason.strip(), now).persist();
        }
        return application.view(StatusChange.historyOf(id));
    }

    @Transactional
    public ApplicationView release(UUID id, Caller officer) {
        PassportApplication application = locked(id, officer);
        CaseHolding.release(application, officer.subject());
        return application.view(StatusChange.historyOf(id));
    }

    /** The application, if it is the officer's office's; another office's is as unknown (404). */
    private static PassportApplication locked(UUID id, Caller officer) {
        PassportApplication application = PassportApplication.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (application == null || !officer.inJurisdiction(application)) {
            throw ProblemException.notFound("No such passport application.", "해당 여권 발급 신청을 찾을 수 없습니다.");
        }
        return application;
    }
}
