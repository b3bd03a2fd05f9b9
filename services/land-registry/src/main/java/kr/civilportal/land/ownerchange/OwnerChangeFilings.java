package kr.civilportal.land.ownerchange;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kr.civilportal.common.identity.OfficesClaim;
import kr.civilportal.common.idempotency.IdempotentResponse;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.InProgressPolicy;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.roster.OfficialRoster;
import kr.civilportal.common.roster.RosterSettings;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.land.LandRegistrySettings;
import kr.civilportal.land.events.OwnerChangeEvents;
import kr.civilportal.land.owner.OwnerChangeRequest;
import kr.civilportal.land.owner.OwnerHistory;
import kr.civilportal.land.owner.OwnerNameRead;
import kr.civilportal.land.owner.OwnerNameReads;
import kr.civilportal.land.owner.OwnerView;
import kr.civilportal.land.parcel.Parcel;
import kr.civilportal.land.parcel.ParcelCache;
import kr.civilportal.land.pnu.InvalidPnuException;
import kr.civilportal.land.pnu.Pnu;
import kr.civilportal.land.pnu.PnuAddresses;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Owner-change requests (소유자 변동 신청): citizens file them; the land officers of the parcel's office take, let
 * go of, approve or reject them (an approval appends the change to the owner history in the same transaction).
 * Officers' reads of the names are logged (접속기록), as every read of owners' names in full is.
 */
@ApplicationScoped
public class OwnerChangeFilings {

    /**
     * What an officer's read of the queue is, in the read log (수행업무). Logged as a read of owners' names
     * ({@code READ_OWNERS}), which it is, rather than as a new kind of action: the previous version of the service
     * reads the log too (during a rolling update, and after a rollback) and knows no other action names.
     */
    static final String QUEUE_WORK = "소유자 변동 신청 처리";
    private static final int CREATED = 201;
    private static final Logger LOG = Logger.getLogger(OwnerChangeFilings.class);
    /**
     * 관할: the officer's offices' requests, and those of no office or of an office no longer configured (every
     * officer's: nobody may be left to decide them otherwise).
     */
    private static final String JURISDICTION =
            "(officeId is null or officeId in :offices or officeId not in :configured)";

    private final LandOffices offices;
    private final FilingDeadlines deadlines;
    private final OwnerHistory history;
    private final OwnerNameReads reads;
    private final ParcelCache cache;
    private final PnuAddresses addresses;
    private final IdempotentWrites writes;
    private final LandRegistrySettings settings;
    private final TransactionSynchronizationRegistry transactions;
    private final OfficialRoster roster;
    private final RosterSettings rosterSettings;
    private final OwnerChangeEvents events;
    private final Clock clock = Clock.systemUTC();

    OwnerChangeFilings(LandOffices offices, FilingDeadlines deadlines, OwnerHistory history, OwnerNameReads reads,
                       ParcelCache cache, PnuAddresses addresses, IdempotentWrites writes, LandRegistrySettings settings,
                       TransactionSynchronizationRegistry transactions, OfficialRoster roster,
                       RosterSettings rosterSettings, OwnerChangeEvents events) {
        this.events = events;
        this.transactions = transactions;
        this.roster = roster;
        this.rosterSettings = rosterSettings;
        this.offices = offices;
        this.deadlines = deadlines;
        this.history = history;
        this.reads = reads;
        this.cache = cache;
        this.addresses = addresses;
        this.writes = writes;
        this.settings = settings;
    }

    /**
     * A citizen files a request; it goes to the office of the parcel's 시·군·구. Once per Idempotency-Key: the
     * request and the key's answer commit together. {@code location} is given the new request's id.
     * {@code filer} says who files: told of the decision by their resident id, and recorded as the new owner
     * when the name they file is their own.
     */
    public IdempotentResponse file(NewOwnerChangeFiling filed, String subject, String filerName, Filer filer,
                                   KeyedRequest keyed, URI requests) {
        Pnu pnu = pnuOf(filed.pnu());
        int[] share = OwnerHistory.check(filed.change(), "change.");
        return QuarkusTransaction.requiringNew().call(() -> writes.execute(keyed, InProgressPolicy.REJECT, () -> {
            if (Parcel.findById(pnu.value()) == null) {
                throw ProblemException.invalidField("pnu", "no parcel with this number is on the land register",
                        "해당 필지고유번호의 토지가 토지대장에 없습니다.");
            }
            OwnerChangeFiling f = new OwnerChangeFiling();
            f.id = UUID.randomUUID();
            f.pnu = pnu.value();
            OwnerChangeRequest change = filed.change();
            f.ownerName = change.ownerName().strip();
            f.shareNumerator = share[0];
            f.shareDenominator = share[1];
            f.changedOn = change.changedOn();
            f.cause = change.cause();
            f.filedBy = subject;
            f.filerName = filerName;
            f.filerResidentId = filer.residentId();
            f.filesForSelf = filer.isNamed(f.ownerName);
            f.officeId = offices.officeOf(pnu).orElse(null);
            f.status = OwnerChangeFiling.Status.RECEIVED;
            f.receivedAt = now();
            f.dueOn = deadlines.dueOn(f.receivedAt);
            f.persist();
            // No name in the log: the PNU and the office are not personal data.
            LOG.infof("Owner-change request %s filed on parcel %s for office %s, due %s", f.id, f.pnu, f.officeId,
                    f.dueOn);
            return writes.json(CREATED, requests.resolve(requests.getPath() + "/" + f.id), filerView(f));
        }));
    }

    /** The filer's own requests, newest first. */
    @Transactional
    public List<OwnerChangeFilingView> ofFiler(String subject) {
        return OwnerChangeFiling.<OwnerChangeFiling>find("filedBy = ?1 order by receivedAt desc, id", subject)
                .page(0, settings.ownerChangeRequests().listed()).list().stream().map(this::filerView).toList();
    }

    /** One of the filer's own requests; anyone else's is 404, as an unknown one. */
    @Transactional
    public OwnerChangeFilingView ofFiler(String subject, UUID id) {
        OwnerChangeFiling f = OwnerChangeFiling.findById(id);
        if (f == null || !f.filedBy.equals(subject)) {
            throw notFound();
        }
        return filerView(f);
    }

    /**
     * The officers' queue: waiting requests of the officer's offices (and those of no office), oldest first,
     * optionally only the officer's own (내 업무) or those nobody holds (미배정). The names leave in full: each
     * request's parcel is logged as read first.
     */
    @Transactional
    public List<OwnerChangeFilingView> queue(LandOfficer officer, HeldFilter held) {
        String holding = held == null ? "" : switch (held) {
            case MINE -> " and holderSubject = :subject";
            case NOBODY -> " and holderSubject is null";
        };
        Parameters parameters = jurisdiction(officer).and("status", OwnerChangeFiling.Status.RECEIVED);
        if (held == HeldFilter.MINE) {
            parameters = parameters.and("subject", officer.subject());
        }
        List<OwnerChangeFiling> waiting = OwnerChangeFiling.list("status = :status and " + JURISDICTION + holding
                + " order by receivedAt, id", parameters);
        waiting.stream().map(f -> f.pnu).distinct()
                .forEach(pnu -> reads.record(pnu, OwnerNameRead.Action.READ_OWNERS, QUEUE_WORK));
        return waiting.stream().map(this::officerView).toList();
    }

    /** 처리 현황 over the officer's offices, counted in the database. */
    @Transactional
    public FilingCounts counts(LandOfficer officer) {
        Instant now = now();
        LocalDate today = now.atZone(KoreanTime.ZONE).toLocalDate();
        Instant midnight = today.atStartOfDay(KoreanTime.ZONE).toInstant();
        Object[] row = (Object[]) Panache.getEntityManager().createQuery("select"
                        + " count(case when f.status = :waiting and f.holderSubject is null then 1 end),"
                        + " count(case when f.status = :waiting and f.holderSubject is not null then 1 end),"
                        + " count(case when f.status = :waiting and f.dueOn < :today then 1 end),"
                        + " count(case when f.status <> :waiting and f.decidedAt >= :midnight then 1 end)"
                        + " from OwnerChangeFiling f where " + JURISDICTION.replace("officeId", "f.officeId"))
                .setParameter("waiting", OwnerChangeFiling.Status.RECEIVED)
                .setParameter("today", today)
                .setParameter("midnight", midnight)
                .setParameter("offices", OfficesClaim.asQueryParameter(officer.offices()))
                .setParameter("configured", OfficesClaim.asQueryParameter(offices.configured()))
                .getSingleResult();
        return new FilingCounts((Long) row[0], (Long) row[1], (Long) row[2], (Long) row[3]);
    }

    /** 담당 지정: the officer takes a request of their offices (another office's: 404). */
    @Transactional
    public OwnerChangeFilingView take(UUID id, LandOfficer officer) {
        OwnerChangeFiling f = lockedInJurisdiction(id, officer);
        FilingHolding.take(f, officer.subject(), officer.name(), now());
        return readByOfficer(f);
    }

    /**
     * 담당 인계: the officer takes over a request of their offices another officer holds, for a reason; each
     * take-over is kept in the append-only log. Nobody holds it, or the caller does: taken as by {@link #take}.
     */
    @Transactional
    public OwnerChangeFilingView takeOver(UUID id, LandOfficer officer, String reason) {
        OwnerChangeFiling f = lockedInJurisdiction(id, officer);
        Instant now = now();
        String why = reason.strip();
        String from = FilingHolding.takeOver(f, officer.subject(), officer.name(), why, now);
        if (from != null) {
            FilingTakeover.of(f.id, from, officer.name(), why, now).persist();
            // Officers' user names and the request's id only: no owner's or filer's name.
            LOG.infof("Owner-change request %s taken over by %s from %s", f.id, officer.name(), from);
        }
        return readByOfficer(f);
    }

    /**
     * 배정: the officer gives a request of their offices to a colleague, one of {@link #assignees}; anyone else is a
     * 400 naming the field {@code assignee}. Each assignment is kept in the append-only log.
     */
    @Transactional
    public OwnerChangeFilingView assign(UUID id, LandOfficer officer, String assigneeSubject) {
        OwnerChangeFiling f = lockedInJurisdiction(id, officer);
        // Naming oneself is taking it: the caller's own token has just shown they work for its office.
        OfficialRoster.Official assignee = (assigneeSubject.equals(officer.subject())
                ? Optional.of(new OfficialRoster.Official(officer.subject(), officer.name(), officer.offices(), now()))
                : roster.active(assigneeSubject))
                .filter(o -> o.worksFor(routedOffice(f)))
                .orElseThrow(() -> ProblemException.invalidField("assignee", "is not a land officer of this request's "
                        + "office who has worked in the service in the last " + rosterSettings.activeWithin().toDays()
                        + " days", "이 신청의 관할 기관 담당자가 아닙니다. 같은 기관의 토지 담당자에게만 배정할 수 있습니다."));
        Instant now = now();
        if (FilingHolding.assign(f, officer.subject(), officer.name(), assignee.subject(), assignee.userName(), now)) {
            FilingAssignment.of(f.id, officer.name(), assignee.userName(), now).persist();
            LOG.infof("Owner-change request %s assigned by %s to %s", f.id, officer.name(), assignee.userName());
        }
        return readByOfficer(f);
    }

    /**
     * Whom a request of the officer's offices may be assigned to: the land officers of its office the roster has
     * seen lately (all of them, for a request no listed office covers), its filer excepted.
     */
    @Transactional
    public List<Assignee> assignees(UUID id, LandOfficer officer) {
        OwnerChangeFiling f = inJurisdiction(id, officer);
        return roster.workingFor(routedOffice(f)).stream().filter(o -> !o.subject().equals(f.filedBy))
                .map(o -> new Assignee(o.subject(), o.userName())).toList();
    }

    /** The office whose officers work on the request: none when no listed office covers it (every officer's). */
    private String routedOffice(OwnerChangeFiling f) {
        return f.officeId != null && offices.configured().contains(f.officeId) ? f.officeId : null;
    }

    /** 담당 해제: the officer lets go of a request they hold (nobody holds it: nothing changes). */
    @Transactional
    public OwnerChangeFilingView release(UUID id, LandOfficer officer) {
        OwnerChangeFiling f = lockedInJurisdiction(id, officer);
        FilingHolding.release(f, officer.subject());
        return readByOfficer(f);
    }

    /**
     * Approval: the change the citizen asked for is appended to the parcel's owner history, in the transaction that
     * marks the request approved; then this replica drops its cached copy of the parcel (the others are told by
     * the database notification).
     */
    @Transactional
    public OwnerChangeFilingView approve(UUID id, LandOfficer officer) {
        OwnerChangeFiling f = lockedInJurisdiction(id, officer);
        FilingHolding.deciding(f, officer.subject());
        Pnu pnu = Pnu.parse(f.pnu);
        // The filer's resident id becomes the new owner's only when they filed for themself: another person named
        // in the filing is not the filer, and the portal does not know who they are.
        OwnerView appended = history.appendInTransaction(pnu, f.asOwnerChange(), officer.subject(),
                f.filesForSelf ? f.filerResidentId : null, new OwnerChangeEvents.Filing(f.id, f.filerResidentId));
        f.ownerChangeSeq = appended.sequence();
        decided(f, officer, OwnerChangeFiling.Status.APPROVED);
        // The caller's transaction (with its Idempotency-Key's answer) commits after this returns: only then may
        // this replica drop its cached copy, or a read in between would cache the old owner again.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    cache.invalidateHere(pnu);
                }
            }
        });
        LOG.infof("Owner-change request %s approved by %s", id, officer.name());
        return decisionView(f);
    }

    /** 반려 with a reason the filer reads. */
    @Transactional
    public OwnerChangeFilingView reject(UUID id, LandOfficer officer, String reason) {
        OwnerChangeFiling f = lockedInJurisdiction(id, officer);
        FilingHolding.deciding(f, officer.subject());
        f.rejectionReason = reason.strip();
        decided(f, officer, OwnerChangeFiling.Status.REJECTED);
        events.rejected(f.id, f.filerResidentId, f.rejectionReason);
        LOG.infof("Owner-change request %s rejected by %s", id, officer.name());
        return decisionView(f);
    }

    private void decided(OwnerChangeFiling f, LandOfficer officer, OwnerChangeFiling.Status status) {
        f.status = status;
        f.decidedBy = officer.name();
        f.decidedAt = now();
        FilingHolding.decided(f);
    }

    /** A request of the officer's offices; another office's, or an unknown one: 404. */
    private OwnerChangeFiling inJurisdiction(UUID id, LandOfficer officer) {
        OwnerChangeFiling f = OwnerChangeFiling.findById(id);
        if (f == null || !inJurisdiction(f, officer.offices())) {
            throw notFound();
        }
        return f;
    }

    /** A request of the officer's offices, its row locked; another office's, or an unknown one: 404. */
    private OwnerChangeFiling lockedInJurisdiction(UUID id, LandOfficer officer) {
        OwnerChangeFiling f = OwnerChangeFiling.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (f == null || !inJurisdiction(f, officer.offices())) {
            throw notFound();
        }
        return f;
    }

    private boolean inJurisdiction(OwnerChangeFiling f, Set<String> officerOffices) {
        return f.officeId == null || !offices.configured().contains(f.officeId) || officerOffices.contains(f.officeId);
    }

    private Parameters jurisdiction(LandOfficer officer) {
        return Parameters.with("offices", OfficesClaim.asQueryParameter(officer.offices()))
                .and("configured", OfficesClaim.asQueryParameter(offices.configured()));
    }

    /** An answer with the names in full to an officer: its read is logged first. */
    private OwnerChangeFilingView readByOfficer(OwnerChangeFiling f) {
        reads.record(f.pnu, OwnerNameRead.Action.READ_OWNERS, QUEUE_WORK);
        return officerView(f);
    }

    /**
     * The answer to a decision: the officer's view with the names masked. A retried decision is answered from its
     * Idempotency-Key's stored answer, which would otherwise hand out names without a read-log entry; the officer
     * read them in the queue before deciding.
     */
    private OwnerChangeFilingView decisionView(OwnerChangeFiling f) {
        return officerView(f).namesMasked();
    }

    private OwnerChangeFilingView officerView(OwnerChangeFiling f) {
        return OwnerChangeFilingView.forOfficer(f, address(f), offices.name(f.officeId), now());
    }

    private OwnerChangeFilingView filerView(OwnerChangeFiling f) {
        return OwnerChangeFilingView.forFiler(f, address(f), offices.name(f.officeId), now());
    }

    private String address(OwnerChangeFiling f) {
        return addresses.address(Pnu.parse(f.pnu)).address();
    }

    private static Pnu pnuOf(String text) {
        try {
            return Pnu.parse(text);
        } catch (InvalidPnuException e) {
            throw ProblemException.invalidField("pnu", e.getMessage(), e.detailKo());
        }
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: truncated so that what is answered equals what is read back.
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No owner-change request with this id is yours to see.",
                "해당 소유자 변동 신청이 없습니다.");
    }

    /** A land officer a request may be assigned to (배정 대상): their subject is what an assignment names. */
    public record Assignee(@Schema(description = "The officer's account id (the token's sub)",
                                   examples = "a1c2e3f4-0000-4000-8000-000000000022") String subject,
                           @Schema(description = "User name, as holders are shown", examples = "land-officer2")
                           String officer) {
    }

    /** 담당 filter of the queue: 내 업무 or 미배정. */
    public enum HeldFilter {
        MINE,
        NOBODY
    }
}
