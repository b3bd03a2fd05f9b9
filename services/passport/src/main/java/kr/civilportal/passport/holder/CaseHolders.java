package kr.civilportal.passport.holder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.roster.OfficialRoster;
import kr.civilportal.common.roster.RosterSettings;
import kr.civilportal.passport.application.ApplicationView;
import kr.civilportal.passport.application.Caller;
import kr.civilportal.passport.application.PassportApplication;
import kr.civilportal.passport.workflow.StatusChange;
import org.jboss.logging.Logger;

/**
 * Takes, lets go of and assigns applications for officers, each on the application's locked row, so that two
 * officers taking one case at once are serialised and the second finds the first holding it (409).
 */
@ApplicationScoped
public class CaseHolders {

    private static final Logger LOG = Logger.getLogger(CaseHolders.class);

    private final OfficialRoster roster;
    private final RosterSettings rosterSettings;

    CaseHolders(OfficialRoster roster, RosterSettings rosterSettings) {
        this.roster = roster;
        this.rosterSettings = rosterSettings;
    }

    /**
     * The officer calling, entered in the roster (직원 명부) as they open their work (their list, counts, or whom a
     * case may be assigned to), so that colleagues can assign them cases. Called outside any transaction: the entry
     * stands whatever the request does next.
     */
    public void present(Caller officer, String name) {
        roster.present(officer.subject(), name, officer.offices());
    }

    @Transactional
    public ApplicationView take(UUID id, Caller officer, String name) {
        PassportApplication application = locked(id, officer);
        CaseHolding.take(application, officer.subject(), name, now());
        return application.view(StatusChange.historyOf(id));
    }

    /** 담당 인계: takes the case over from its holder for the reason given, logging it when it happened. */
    @Transactional
    public ApplicationView takeOver(UUID id, Caller officer, String name, String reason) {
        PassportApplication application = locked(id, officer);
        Instant now = now();
        String from = CaseHolding.takeOver(application, officer.subject(), name, reason.strip(), now);
        if (from != null) {
            HolderTakeover.of(id, from, name, reason.strip(), now).persist();
        }
        return application.view(StatusChange.historyOf(id));
    }

    /**
     * 배정: the officer gives an application of their offices to a colleague, one of {@link #assignees}; anyone
     * else is a 400 naming the field {@code assignee}, before anything changes. Each assignment is kept in the
     * append-only log.
     */
    @Transactional
    public ApplicationView assign(UUID id, Caller officer, String name, String assigneeSubject) {
        PassportApplication application = locked(id, officer);
        // Naming oneself is taking it: the caller's own token has just shown they may act on it.
        OfficialRoster.Official assignee = (assigneeSubject.equals(officer.subject())
                ? Optional.of(new OfficialRoster.Official(officer.subject(), name, Set.of(), Instant.now()))
                : roster.active(assigneeSubject).filter(o -> o.worksFor(application.officeId)))
                .orElseThrow(() -> ProblemException.invalidField("assignee", "is not a passport officer of this "
                        + "application's receiving office who has worked in the service in the last "
                        + rosterSettings.activeWithin().toDays() + " days",
                        "이 신청의 접수 기관 담당자가 아닙니다. 같은 기관의 여권 담당자에게만 배정할 수 있습니다."));
        Instant now = now();
        if (CaseHolding.assign(application, officer.subject(), name, assignee.subject(), assignee.userName(), now)) {
            HolderAssignment.of(id, name, assignee.userName(), now).persist();
            LOG.infof("Passport application %s assigned by %s to %s", id, name, assignee.userName());
        }
        return application.view(StatusChange.historyOf(id));
    }

    /**
     * Whom an application of the officer's offices may be assigned to: the passport officers the roster has seen
     * lately who may act on it ({@link Caller#inJurisdiction}): those of its receiving office, or all of them for an
     * application from before offices (every officer's).
     */
    @Transactional
    public List<Assignee> assignees(UUID id, Caller officer) {
        PassportApplication application = PassportApplication.findById(id);
        if (application == null || !officer.inJurisdiction(application)) {
            throw notFound();
        }
        return roster.workingFor(application.officeId).stream()
                .map(o -> new Assignee(o.subject(), o.userName())).toList();
    }

    @Transactional
    public ApplicationView release(UUID id, Caller officer) {
        PassportApplication application = locked(id, officer);
        CaseHolding.release(application, officer.subject());
        return application.view(StatusChange.historyOf(id));
    }

    /** PostgreSQL keeps microseconds: truncated so that what is answered now equals what is read back later. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The application, if it is the officer's office's; another office's is as unknown (404). */
    private static PassportApplication locked(UUID id, Caller officer) {
        PassportApplication application = PassportApplication.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (application == null || !officer.inJurisdiction(application)) {
            throw notFound();
        }
        return application;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such passport application.", "해당 여권 발급 신청을 찾을 수 없습니다.");
    }
}
