package kr.civilportal.residency.movein;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.civilportal.common.identity.OfficesClaim;
import kr.civilportal.common.masking.Masking;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.roster.OfficialRoster;
import kr.civilportal.common.roster.RosterSettings;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.documents.UploadedDocumentCheck;
import kr.civilportal.residency.ResidencySettings;
import kr.civilportal.residency.accesslog.AccessLog;
import kr.civilportal.residency.accesslog.AccessLogEntry;
import kr.civilportal.residency.address.AddressRegister;
import kr.civilportal.residency.address.RegisteredAddress;
import kr.civilportal.residency.deadline.MoveInDeadlines;
import kr.civilportal.residency.household.HeadChanges;
import kr.civilportal.residency.office.ResidencyOffices;
import kr.civilportal.residency.resident.AddressHistory;
import kr.civilportal.residency.resident.Household;
import kr.civilportal.residency.resident.RelationToHead;
import kr.civilportal.residency.resident.Resident;
import kr.civilportal.residency.rrn.ResidentRegistrationNumber;
import kr.civilportal.residency.rrn.RrnCipher;
import kr.civilportal.residency.rrn.RrnInput;
import org.jboss.logging.Logger;

/**
 * Move-in reports: filed by a citizen, decided by a residency officer. Approval moves the resident (new
 * household or joined one, relation to the head, a new address history entry) in one transaction, with the
 * report locked so two officers cannot decide it twice; a report already decided is a 409.
 */
@ApplicationScoped
public class MoveIns {

    /** What the filer reads when the head declines (세대주 미동의). */
    static final String HEAD_DECLINED = "세대주가 세대 합가에 동의하지 않았습니다.";
    private static final Logger LOG = Logger.getLogger(MoveIns.class);
    private static final List<MoveInReport.Status> OPEN = List.of(MoveInReport.Status.AWAITING_HEAD,
            MoveInReport.Status.SUBMITTED, MoveInReport.Status.SUPPLEMENT_REQUESTED);

    private final RrnCipher cipher;
    private final AccessLog accessLog;
    private final ResidencyOffices offices;
    private final MoveInDeadlines deadlines;
    private final OfficialRoster roster;
    private final RosterSettings rosterSettings;
    private final ResidencySettings.SupplementDeadline supplementSettings;
    private final AddressRegister addresses;
    private final MoveInEvents events;
    private final SupplementDocumentCipher documentCipher;

    MoveIns(RrnCipher cipher, AccessLog accessLog, ResidencyOffices offices, MoveInDeadlines deadlines,
            OfficialRoster roster, RosterSettings rosterSettings, ResidencySettings settings,
            AddressRegister addresses, MoveInEvents events, SupplementDocumentCipher documentCipher) {
        this.events = events;
        this.documentCipher = documentCipher;
        this.supplementSettings = settings.supplementDeadline();
        this.addresses = addresses;
        this.cipher = cipher;
        this.accessLog = accessLog;
        this.offices = offices;
        this.deadlines = deadlines;
        this.roster = roster;
        this.rosterSettings = rosterSettings;
    }

    /**
     * The report as its Idempotency-Key's fingerprint covers it: the head's registration number replaced by its
     * keyed look-up hash, so that the stored fingerprint cannot be reversed to the number. A malformed number is
     * the same field error filing gives.
     */
    public MoveInRequest fingerprinted(MoveInRequest request) {
        String head = request.headResidentRegistrationNumber();
        if (head == null || head.isBlank()) {
            return request;
        }
        return new MoveInRequest(request.mode(), request.address(), request.movedInOn(),
                cipher.lookupToken(RrnInput.parse("headResidentRegistrationNumber", head)), request.relationToHead(),
                request.movers());
    }

    @Transactional
    public MoveInView file(UUID residentId, MoveInRequest request) {
        Resident mover = Resident.findById(residentId);
        if (mover == null) {
            throw ProblemException.notFound("No resident record is linked to your account.",
                    "계정에 연결된 주민등록 정보가 없습니다.");
        }
        MoveInReport r = new MoveInReport();
        r.id = UUID.randomUUID();
        r.residentId = residentId;
        r.mode = request.mode();
        r.movedInOn = request.movedInOn();
        if (request.mode() == MoveInReport.Mode.NEW_HOUSEHOLD) {
            if (request.address() == null || request.address().isBlank()) {
                throw ProblemException.invalidField("address", "The new address is required to form a household.",
                        "새 세대를 구성하려면 주소가 필요합니다.");
            }
            if (request.headResidentRegistrationNumber() != null) {
                throw ProblemException.invalidField("headResidentRegistrationNumber",
                        "Only a report joining a household names its head.", "세대 합가 신고에만 세대주를 적습니다.");
            }
            // The register's row, or a 400 before anything is stored: the address as the register writes it, and
            // the office of its 행정동 (a 주민센터 configured for it wins over its 시·군·구's office).
            RegisteredAddress address = addresses.registered(request.address());
            r.address = address.canonical();
            r.postalCode = address.postalCode();
            r.administrativeDongCode = address.administrativeDongCode();
            r.administrativeDong = address.administrativeDong();
            r.relationToHead = RelationToHead.HEAD;
            r.officeId = offices.officeOf(address.administrativeArea()).orElse(null);
        } else {
            if (request.headResidentRegistrationNumber() == null || request.headResidentRegistrationNumber().isBlank()) {
                throw ProblemException.invalidField("headResidentRegistrationNumber",
                        "The registration number of the head of the household joined is required.",
                        "합가할 세대의 세대주 주민등록번호가 필요합니다.");
            }
            if (request.relationToHead() == null || request.relationToHead() == RelationToHead.HEAD) {
                throw ProblemException.invalidField("relationToHead",
                        "The relation to the head of the household joined is required (not HEAD).",
                        "합가할 세대의 세대주와의 관계를 적어 주세요.");
            }
            ResidentRegistrationNumber headNumber = RrnInput.parse("headResidentRegistrationNumber",
                    request.headResidentRegistrationNumber());
            r.relationToHead = request.relationToHead();
            // Everything the filer could learn from is decided above (the number's form) or below (their own
            // state); whether the number names a head is kept to the head's consent list, never answered.
            Map<UUID, RelationToHead> coMovers = coMovers(mover, request);
            Resident head = Resident.findByRrn(headNumber, cipher);
            boolean asksAHead = head != null && head.relationToHead == RelationToHead.HEAD
                    && !head.household.id.equals(mover.household.id);
            r.headResidentId = asksAHead ? head.id : null;
            // Nor is a change of head of that household open a reason to refuse (a 409 would tell the filer the
            // number names a head with members): the request waits, and its head cannot consent until the change is
            // answered (consent below).
            r.status = MoveInReport.Status.AWAITING_HEAD;
            return persisted(r, mover, coMovers);
        }
        Map<UUID, RelationToHead> coMovers = coMovers(mover, request);
        r.status = MoveInReport.Status.SUBMITTED;
        return persisted(r, mover, coMovers);
    }

    /**
     * Who moves with the filer ({@link HouseholdMove}), with the filer's household locked so that two reports of its
     * members are filed one after the other: each sees the other's movers, and nobody is on two open reports.
     * Then neither the filer nor anyone moving with them may be on another open report (409).
     */
    private static Map<UUID, RelationToHead> coMovers(Resident filer, MoveInRequest request) {
        Household.findById(filer.household.id, LockModeType.PESSIMISTIC_WRITE);
        List<HouseholdMove.Member> household = Resident.<Resident>list("household.id", filer.household.id).stream()
                .map(m -> new HouseholdMove.Member(m.id, m.relationToHead)).toList();
        Map<UUID, RelationToHead> coMovers = HouseholdMove.plan(filer.id, household, request.movers(),
                request.mode());
        if (HeadChanges.openIn(filer.household.id)) {
            // The head change was filed for the household as it is; it is applied or ended first.
            throw ProblemException.conflict("A change of head of your household waits for its new head's answer; "
                    + "it must be answered or withdrawn first.",
                    "새 세대주의 동의를 기다리는 세대주 변경신고가 있습니다. 동의·미동의 또는 취하된 뒤 신고해 주세요.");
        }
        refuseSecondOpenReport(filer.id);
        for (UUID coMover : coMovers.keySet()) {
            if (onAnOpenReport(coMover)) {
                throw ProblemException.conflict("Someone moving with you is on a move-in report still waiting for "
                        + "a decision; it must be decided or withdrawn first.",
                        "함께 이사하는 세대원 중 처리 중인 전입신고가 있는 분이 있습니다. 그 신고가 처리되거나 취하된 뒤 신고해 주세요.");
            }
        }
        return coMovers;
    }

    private MoveInView persisted(MoveInReport r, Resident mover, Map<UUID, RelationToHead> coMovers) {
        r.submittedAt = now();
        if (r.status == MoveInReport.Status.SUBMITTED) {
            r.dueAt = deadlines.dueAt(r.submittedAt.toInstant());
        }
        try {
            r.persistAndFlush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            // Two reports filed at the same moment: the count above saw neither, the partial unique index
            // (one open report per resident) lets only one through.
            if ("move_in_report_one_open_idx".equals(e.getConstraintName())) {
                throw openReportExists();
            }
            throw e;
        }
        int position = 0;
        for (Map.Entry<UUID, RelationToHead> m : coMovers.entrySet()) {
            MoveInMover.of(r.id, m.getKey(), m.getValue(), position++).persist();
        }
        events.received(r);
        return view(r, mover.name);
    }

    /** Those moving with the filer as the report shows them: masked names, relation at the new address. */
    private static List<MoveInView.Mover> moversOf(UUID reportId) {
        return MoveInMover.of(reportId).stream().map(m -> new MoveInView.Mover(
                Masking.name(Resident.<Resident>findById(m.residentId).name), m.relationToHead)).toList();
    }

    private MoveInView view(MoveInReport r, String residentName) {
        return view(r, residentName, roundsOf(r.id));
    }

    private MoveInView view(MoveInReport r, String residentName, List<MoveInSupplement> rounds) {
        return MoveInView.of(r, residentName, offices.name(r.officeId), dueAt(r), now(),
                withDocuments(rounds, MoveInSupplementView::forFiler), moversOf(r.id));
    }

    private MoveInView officerView(MoveInReport r, String address) {
        return officerView(r, address, roundsOf(r.id));
    }

    private MoveInView officerView(MoveInReport r, String address, List<MoveInSupplement> rounds) {
        return MoveInView.forOfficer(r, Resident.<Resident>findById(r.residentId).name, address,
                offices.name(r.officeId), dueAt(r), now(),
                withDocuments(rounds, MoveInSupplementView::forOfficer), moversOf(r.id));
    }

    /** The rounds as a view shows them, each with the documents its answer carried (their bytes left unread). */
    private static List<MoveInSupplementView> withDocuments(List<MoveInSupplement> rounds,
            java.util.function.BiFunction<MoveInSupplement, List<SupplementDocumentView>, MoveInSupplementView> view) {
        Map<UUID, List<SupplementDocumentView>> documents = SupplementDocument.listedFor(
                        rounds.stream().filter(s -> s.answeredAt != null).map(s -> s.id).toList()).stream()
                .collect(Collectors.groupingBy(SupplementDocumentView::supplementId, Collectors.toList()));
        return rounds.stream().map(s -> view.apply(s, documents.getOrDefault(s.id, List.of()))).toList();
    }

    /** A report's rounds of 보완, oldest first. */
    private static List<MoveInSupplement> roundsOf(UUID reportId) {
        return MoveInSupplement.list("reportId = ?1 order by requestedAt, id", reportId);
    }

    /** The rounds of 보완 of many reports at once (a list shown), by report, oldest first. */
    private static Map<UUID, List<MoveInSupplement>> roundsOf(List<MoveInReport> reports) {
        if (reports.isEmpty()) {
            return Map.of();
        }
        return MoveInSupplement.<MoveInSupplement>list("reportId in ?1 order by requestedAt, id",
                        reports.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(s -> s.reportId, Collectors.toList()));
    }

    /** The round still waiting for the filer, if any. */
    private static MoveInSupplement openRound(UUID reportId) {
        return MoveInSupplement.<MoveInSupplement>find("reportId = ?1 and answeredAt is null and lapsedAt is null",
                reportId).firstResult();
    }

    /**
     * 처리기한: as set when the report reached the queue; for one queued before it was set (before V7, or by a
     * replica of the version before during a rolling update), counted now from the moment it was queued.
     */
    private OffsetDateTime dueAt(MoveInReport r) {
        if (r.dueAt != null) {
            // Read back from the database in the JVM's zone: shown in the office's (Korean) time, as computed.
            return r.dueAt.atZoneSameInstant(KoreanTime.ZONE).toOffsetDateTime();
        }
        OffsetDateTime queued = r.queuedAt();
        return queued == null ? null : deadlines.dueAt(queued.toInstant());
    }

    private static void refuseSecondOpenReport(UUID residentId) {
        if (onAnOpenReport(residentId)) {
            throw openReportExists();
        }
    }

    /**
     * On an open report: their own, or one they move with (a resident is on one open report at a time). Public for
     * a head change, which no member on an open report may be part of.
     */
    public static boolean onAnOpenReport(UUID residentId) {
        return MoveInReport.count("residentId = ?1 and status in ?2", residentId, OPEN) > 0
                || MoveInMover.count("residentId = ?1 and reportId in (select r.id from MoveInReport r"
                        + " where r.status in ?2)", residentId, OPEN) > 0;
    }

    /**
     * Whether a request to join is open for this head or their household: waiting for the head's consent, or consented
     * and not yet decided (its relation is to this head). Public for a head change, which is not filed while one is.
     */
    public static boolean joinOpenFor(UUID headId, UUID householdId) {
        return MoveInReport.count("status = ?1 and headResidentId = ?2", MoveInReport.Status.AWAITING_HEAD, headId) > 0
                || joinConsentedInto(householdId);
    }

    /**
     * Whether a request to join the household was consented and waits for an officer (or a supplement): approving it
     * adds a member with a relation to the head who consented. Public for a head change's consent.
     */
    public static boolean joinConsentedInto(UUID householdId) {
        return MoveInReport.count("mode = ?1 and targetHouseholdId = ?2 and status in ?3",
                MoveInReport.Mode.JOIN_HOUSEHOLD, householdId,
                List.of(MoveInReport.Status.SUBMITTED, MoveInReport.Status.SUPPLEMENT_REQUESTED)) > 0;
    }

    @Transactional
    public List<MoveInView> of(UUID residentId) {
        Resident mover = Resident.findById(residentId);
        List<MoveInReport> reports = MoveInReport.list("residentId = ?1 order by submittedAt desc", residentId);
        Map<UUID, List<MoveInSupplement>> rounds = roundsOf(reports);
        return reports.stream().map(r -> view(r, mover == null ? null : mover.name,
                rounds.getOrDefault(r.id, List.of()))).toList();
    }

    @Transactional
    public MoveInView one(UUID residentId, UUID reportId) {
        MoveInReport r = MoveInReport.findById(reportId);
        if (r == null || !r.residentId.equals(residentId)) {
            throw notFound();
        }
        return view(r, Resident.<Resident>findById(residentId).name);
    }

    /**
     * The officers' work queue: reports waiting for a decision at the officer's offices (and those of no office),
     * oldest first, optionally only the officer's own (내 업무) or those nobody holds (미배정). A JOIN is here only
     * once its head consented, and shows the household's address the officer is deciding on. With {@code
     * SUPPLEMENT_REQUESTED}: instead the reports waiting for their filer's supplement (보완 대기), out of the queue.
     */
    @Transactional
    public List<MoveInView> pending(Officer officer, MoveInQueueFilter.Held held, MoveInReport.Status status) {
        String holding = held == null ? "" : switch (held) {
            case MINE -> " and holderSubject = :subject";
            case NOBODY -> " and holderSubject is null";
        };
        Parameters parameters = queueParameters(officer, status);
        if (held == MoveInQueueFilter.Held.MINE) {
            parameters = parameters.and("subject", officer.subject());
        }
        List<MoveInReport> reports = MoveInReport.list("status = :status and " + JURISDICTION + holding
                + " order by submittedAt, id", parameters);
        Map<UUID, List<MoveInSupplement>> rounds = roundsOf(reports);
        return reports.stream().map(r -> officerView(r, r.targetHouseholdId == null ? r.address
                        : Household.<Household>findById(r.targetHouseholdId).address,
                rounds.getOrDefault(r.id, List.of()))).toList();
    }

    /**
     * The office's day at a glance (처리 현황) over the officer's offices: reports waiting that nobody holds, those
     * held, those past 처리기한, and those decided by an officer since midnight (Korean time).
     */
    @Transactional
    public MoveInCounts counts(Officer officer) {
        List<MoveInReport> waiting = MoveInReport.list("status = :status and " + JURISDICTION,
                queueParameters(officer, MoveInReport.Status.SUBMITTED));
        long waitingForSupplement = MoveInReport.count("status = :status and " + JURISDICTION,
                queueParameters(officer, MoveInReport.Status.SUPPLEMENT_REQUESTED));
        OffsetDateTime now = now();
        long held = waiting.stream().filter(r -> r.holderSubject != null).count();
        long overdue = waiting.stream().filter(r -> MoveInView.overdue(r, dueAt(r), now)).count();
        OffsetDateTime midnight = LocalDate.now(KoreanTime.ZONE).atStartOfDay(KoreanTime.ZONE).toOffsetDateTime();
        long decidedToday = MoveInReport.count("status in :decided and decidedBy is not null and decidedBy <> :system"
                        + " and decidedAt >= :midnight and " + JURISDICTION, Parameters.with("decided",
                                List.of(MoveInReport.Status.APPROVED, MoveInReport.Status.REJECTED))
                        .and("system", MoveInSupplementing.DEADLINE_ACTOR).and("midnight", midnight)
                        .and("offices", OfficesClaim.asQueryParameter(officer.offices()))
                        .and("configured", OfficesClaim.asQueryParameter(offices.configured())));
        return new MoveInCounts(waiting.size() - held, held, overdue, decidedToday, waitingForSupplement);
    }

    private Parameters queueParameters(Officer officer, MoveInReport.Status status) {
        return Parameters.with("status", status)
                .and("offices", OfficesClaim.asQueryParameter(officer.offices()))
                .and("configured", OfficesClaim.asQueryParameter(offices.configured()));
    }

    /** 담당 지정: the officer takes a report of their offices (another office's: 404, as for a decision). */
    @Transactional
    public MoveInView take(UUID reportId, Officer officer) {
        MoveInReport r = lockedInJurisdiction(reportId, officer.offices());
        MoveInHolding.take(r, officer.subject(), officer.name(), now());
        return officerView(r, officerAddress(r));
    }

    /**
     * 담당 인계: the officer takes over a report of their offices that another officer holds, for the reason given;
     * the take-over is logged (append-only) when one happened. Nobody holds it, or the officer does: taken as by
     * {@link #take}, nothing logged.
     */
    @Transactional
    public MoveInView takeOver(UUID reportId, Officer officer, String reason) {
        MoveInReport r = lockedInJurisdiction(reportId, officer.offices());
        OffsetDateTime now = now();
        String why = reason.strip();
        String from = MoveInHolding.takeOver(r, officer.subject(), officer.name(), why, now);
        if (from != null) {
            MoveInHolderTakeover.of(r.id, from, officer.name(), why, now).persist();
            // Officers' user names and the report's id only: no resident's name or number.
            LOG.infof("Move-in report %s taken over by %s from %s", r.id, officer.name(), from);
        }
        return officerView(r, officerAddress(r));
    }

    /**
     * 배정: the officer gives a report of their offices to a colleague, one of {@link #assignees}; anyone else is a
     * 400 naming the field {@code assignee}. Each assignment is logged (append-only).
     */
    @Transactional
    public MoveInView assign(UUID reportId, Officer officer, String assigneeSubject) {
        MoveInReport r = lockedInJurisdiction(reportId, officer.offices());
        // Naming oneself is taking it: the caller's own token has just shown they work for its office.
        OfficialRoster.Official assignee = (assigneeSubject.equals(officer.subject())
                ? Optional.of(new OfficialRoster.Official(officer.subject(), officer.name(), officer.offices(),
                        Instant.now()))
                : roster.active(assigneeSubject))
                .filter(o -> o.worksFor(routedOffice(r)))
                .orElseThrow(() -> ProblemException.invalidField("assignee", "is not a residency officer of this "
                        + "report's office who has used the service in the last "
                        + rosterSettings.activeWithin().toDays() + " days",
                        "이 전입신고의 관할 기관 담당자가 아닙니다. 같은 기관의 주민등록 담당자에게만 배정할 수 있습니다."));
        OffsetDateTime now = now();
        if (MoveInHolding.assign(r, officer.subject(), officer.name(), assignee.subject(), assignee.userName(), now)) {
            MoveInHolderAssignment.of(r.id, officer.name(), assignee.userName(), now).persist();
            // Officers' user names and the report's id only: no resident's name or address.
            LOG.infof("Move-in report %s assigned by %s to %s", r.id, officer.name(), assignee.userName());
        }
        return officerView(r, officerAddress(r));
    }

    /**
     * Whom a report of the officer's offices may be assigned to: the residency officers of its office the roster has
     * seen lately, the caller included (all of them, for a report that is every officer's).
     */
    @Transactional
    public List<MoveInAssignee> assignees(UUID reportId, Officer officer) {
        MoveInReport r = inJurisdiction(reportId, officer.offices());
        return roster.workingFor(routedOffice(r)).stream()
                .map(o -> new MoveInAssignee(o.subject(), o.userName())).toList();
    }

    /**
     * The office whose officers work on the report; none when it is every officer's (no office, or one no longer
     * configured), as {@link #JURISDICTION} reads it.
     */
    private String routedOffice(MoveInReport r) {
        return r.officeId != null && offices.configured().contains(r.officeId) ? r.officeId : null;
    }

    /** 담당 해제: the officer lets go of a report they hold (nobody holds it: nothing changes). */
    @Transactional
    public MoveInView release(UUID reportId, Officer officer) {
        MoveInReport r = lockedInJurisdiction(reportId, officer.offices());
        MoveInHolding.release(r, officer.subject());
        return officerView(r, officerAddress(r));
    }

    /** The address an officer decides on: a JOIN's is its household's, known once the head consented. */
    private static String officerAddress(MoveInReport r) {
        return r.targetHouseholdId == null || r.address != null ? r.address
                : Household.<Household>findById(r.targetHouseholdId).address;
    }

    /**
     * 관할: the officer's offices' reports, and those of no office or of an office no longer configured (every
     * officer's: nobody may be left to decide them otherwise).
     */
    private static final String JURISDICTION =
            "(officeId is null or officeId in :offices or officeId not in :configured)";

    private boolean inJurisdiction(MoveInReport r, Set<String> officerOffices) {
        return r.officeId == null || !offices.configured().contains(r.officeId) || officerOffices.contains(r.officeId);
    }

    /**
     * 보완 요청: an officer of the report's office (404 otherwise) asks its filer for {@code what} by {@code deadline}
     * (a day in Korea, tomorrow at the earliest and {@code portal.residency.supplement-deadline.longest-days} at the
     * latest: else 400 field deadline). Only a report waiting for the office (409 if decided or already waiting for a
     * supplement), and not one another officer holds (409 case-held). Holding is unchanged. The 처리기한 stands still
     * until the answer; one queued before V7 gets its deadline fixed now, so that what is left of it can be counted.
     */
    @Transactional
    public MoveInView requestSupplement(UUID reportId, Officer officer, String what, LocalDate deadline) {
        MoveInReport r = lockedInJurisdiction(reportId, officer.offices());
        MoveInHolding.deciding(r, officer.subject());
        OffsetDateTime now = now();
        OffsetDateTime due = dueAt(r);
        MoveInSupplement round = MoveInSupplementing.request(r, what, deadline, officer.name(), now,
                LocalDate.now(KoreanTime.ZONE), supplementSettings.longestDays());
        r.dueAt = due;
        round.persist();
        events.supplementRequested(r, what, deadline);
        // The report's id and the officer's user name only: what is missing may name the resident's documents.
        LOG.infof("Supplement of move-in report %s requested by %s until %s", r.id, officer.name(), deadline);
        return officerView(r, officerAddress(r));
    }

    /**
     * 보완 제출: the filer answers the supplement asked of their report (another's, or an unknown one: 404), until its
     * deadline's day ends (409 after, or when none is asked). The report goes back to the officers, held by whoever
     * held it; its 처리기한 moves on by the time spent waiting (시행령: 보완에 걸린 기간은 처리기간에 산입하지 않음):
     * the office hours it had left when asked count again from now.
     */
    @Transactional
    public MoveInView answerSupplement(UUID residentId, UUID reportId, String answer) {
        return answerSupplement(residentId, reportId, answer, List.of());
    }

    /**
     * 보완 제출 with documents, already checked ({@link UploadedDocumentCheck}): kept sealed with the round, in the
     * order sent, in the answer's transaction (a refused answer stores none).
     */
    @Transactional
    public MoveInView answerSupplement(UUID residentId, UUID reportId, String answer,
            List<UploadedDocumentCheck.Checked> documents) {
        MoveInReport r = MoveInReport.findById(reportId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !r.residentId.equals(residentId)) {
            throw notFound();
        }
        MoveInSupplement round = openRound(r.id);
        OffsetDateTime now = now();
        MoveInSupplementing.answer(r, round, answer, now, LocalDate.now(KoreanTime.ZONE));
        r.dueAt = deadlines.resumedDueAt(dueAt(r), round.requestedAt, now);
        for (int i = 0; i < documents.size(); i++) {
            UploadedDocumentCheck.Checked checked = documents.get(i);
            SupplementDocument d = new SupplementDocument();
            d.id = UUID.randomUUID();
            d.supplementId = round.id;
            d.position = (short) i;
            d.fileName = checked.fileName();
            d.mediaType = checked.kind().mediaType;
            d.byteSize = checked.bytes().length;
            d.sha256 = checked.sha256();
            var sealed = documentCipher.seal(checked.bytes(), r.id, d.id);
            d.keyId = sealed.keyId();
            d.ciphertext = sealed.ivAndCiphertext();
            d.createdAt = now;
            d.persist();
            // Ids, type and size only: the name may say whose document it is.
            LOG.infof("Supplement document %s (%s, %d bytes) of move-in report %s kept", d.id, d.mediaType,
                    d.byteSize, r.id);
        }
        LOG.infof("Supplement of move-in report %s answered by its filer", r.id);
        return view(r, Resident.<Resident>findById(residentId).name);
    }

    /** A document of a 보완 answer, opened, to be downloaded. */
    public record DownloadedDocument(String fileName, String mediaType, byte[] bytes) {
    }

    /** The filer downloads a document of their report's 보완 answers; anyone else's, or an unknown one: 404. */
    @Transactional
    public DownloadedDocument supplementDocumentForFiler(UUID residentId, UUID reportId, UUID documentId) {
        MoveInReport r = MoveInReport.findById(reportId);
        if (r == null || !r.residentId.equals(residentId)) {
            throw notFound();
        }
        return opened(r, documentId);
    }

    /**
     * An officer of the report's office (관할 as for deciding; another office's: 404) downloads a document of its 보완
     * answers; the read is written to the access log as a read of the filer's record, in the same transaction.
     */
    @Transactional
    public DownloadedDocument supplementDocumentForOfficer(UUID reportId, UUID documentId, Officer officer) {
        MoveInReport r = inJurisdiction(reportId, officer.offices());
        DownloadedDocument document = opened(r, documentId);
        accessLog.record(r.residentId, officer.name(), AccessLogEntry.Action.READ_RECORD, SUPPLEMENT_DOCUMENT_READ);
        LOG.infof("Supplement document %s of move-in report %s read by %s", documentId, r.id, officer.name());
        return document;
    }

    /** The access log's reason for an officer's download of a 보완 document. */
    static final String SUPPLEMENT_DOCUMENT_READ = "supplement-document";

    private DownloadedDocument opened(MoveInReport r, UUID documentId) {
        SupplementDocument d = SupplementDocument.findById(documentId);
        MoveInSupplement round = d == null ? null : MoveInSupplement.findById(d.supplementId);
        if (round == null || !round.reportId.equals(r.id)) {
            throw ProblemException.notFound("No such document of this move-in report.",
                    "이 전입신고의 보완 서류가 아닙니다.");
        }
        return new DownloadedDocument(d.fileName, d.mediaType, documentCipher.open(d.keyId, d.ciphertext, r.id, d.id));
    }

    /**
     * Rejects up to {@code batch} reports whose supplement deadline was before {@code today} (a day in Korea) without
     * an answer, claimed with FOR UPDATE SKIP LOCKED so that replicas running the job together never take the same
     * row, and an answer being written at that moment wins (its row is locked, then no longer waiting). Returns how
     * many were rejected.
     */
    @Transactional
    public int rejectLapsedSupplements(LocalDate today, int batch) {
        @SuppressWarnings("unchecked")
        List<Object> due = MoveInReport.getEntityManager().createNativeQuery("""
                SELECT CAST(r.id AS varchar) FROM move_in_report r
                JOIN move_in_supplement s ON s.report_id = r.id AND s.answered_at IS NULL AND s.lapsed_at IS NULL
                WHERE r.status = 'SUPPLEMENT_REQUESTED' AND s.deadline < ?1
                ORDER BY s.deadline, r.id LIMIT ?2
                FOR UPDATE OF r SKIP LOCKED""")
                .setParameter(1, today).setParameter(2, batch).getResultList();
        OffsetDateTime now = now();
        for (Object id : due) {
            MoveInReport r = MoveInReport.findById(UUID.fromString(id.toString()));
            MoveInSupplement round = openRound(r.id);
            MoveInSupplementing.lapse(r, round, now);
            events.rejected(r);
            LOG.infof("Move-in report %s rejected: no supplement by %s", r.id, round.deadline);
        }
        return due.size();
    }

    /** The requests to join the caller's household that wait for the caller's answer (세대 합가 동의 요청). */
    @Transactional
    public List<JoinRequestView> joinRequestsTo(UUID headId) {
        return MoveInReport.<MoveInReport>list("headResidentId = ?1 and status = ?2 order by submittedAt, id",
                headId, MoveInReport.Status.AWAITING_HEAD).stream().map(MoveIns::joinRequest).toList();
    }

    /**
     * The head consents: the report goes to the officers' queue, for the head's household as it is now. Only the
     * head it was sent to can answer; for anyone else the request does not exist (404).
     */
    @Transactional
    public JoinRequestView consent(UUID headId, UUID reportId) {
        MoveInReport r = lockedJoinRequest(headId, reportId);
        Resident head = Resident.findById(headId);
        // The household row, locked as a head change's filing and consent lock it, then the head read again: a change
        // of head filed or applied at this moment is judged before or after this consent, never beside it.
        UUID householdId = head.household.id;
        Household.findById(householdId, LockModeType.PESSIMISTIC_WRITE);
        Resident.getEntityManager().refresh(head);
        if (head.relationToHead != RelationToHead.HEAD || !head.household.id.equals(householdId)) {
            throw ProblemException.conflict("You are no longer the head of a household.",
                    "세대주가 아니므로 동의할 수 없습니다.");
        }
        if (HeadChanges.openIn(householdId)) {
            // The joiner named their relation to this head, who may be head no longer once the change is answered.
            throw ProblemException.conflict("A change of head of your household waits for its new head's answer; "
                    + "a request to join is consented once that change is refused or withdrawn (once it is applied, "
                    + "the joiner asks the new head).",
                    "새 세대주의 동의를 기다리는 세대주 변경신고가 있어 세대 합가에 동의할 수 없습니다. 변경신고가 "
                            + "미동의·취하된 뒤 동의해 주세요(변경이 반영되면 새 세대주에게 다시 신청해야 합니다).");
        }
        r.targetHouseholdId = head.household.id;
        r.officeId = offices.officeOf(head.household.address).orElse(null);
        r.status = MoveInReport.Status.SUBMITTED;
        r.headAnsweredAt = now();
        r.dueAt = deadlines.dueAt(r.headAnsweredAt.toInstant());
        return joinRequest(r);
    }

    /** The head declines: the report ends rejected, and the filer reads why. */
    @Transactional
    public JoinRequestView decline(UUID headId, UUID reportId) {
        MoveInReport r = lockedJoinRequest(headId, reportId);
        r.status = MoveInReport.Status.REJECTED;
        r.rejectionReason = HEAD_DECLINED;
        r.headAnsweredAt = now();
        r.decidedAt = r.headAnsweredAt;
        events.rejected(r);
        return joinRequest(r);
    }

    /** The filer takes an undecided report back (취하), for instance one sent to a wrong number. */
    @Transactional
    public MoveInView withdraw(UUID residentId, UUID reportId) {
        MoveInReport r = MoveInReport.findById(reportId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !r.residentId.equals(residentId)) {
            throw notFound();
        }
        if (!r.status.open()) {
            throw alreadyDecided(r);
        }
        r.status = MoveInReport.Status.WITHDRAWN;
        r.decidedAt = now();
        MoveInHolding.finished(r);
        return view(r, Resident.<Resident>findById(residentId).name);
    }

    private static MoveInReport lockedJoinRequest(UUID headId, UUID reportId) {
        MoveInReport r = MoveInReport.findById(reportId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !headId.equals(r.headResidentId)) {
            throw ProblemException.notFound("No such request to join your household.",
                    "해당 세대 합가 동의 요청이 없습니다.");
        }
        if (r.status != MoveInReport.Status.AWAITING_HEAD) {
            throw ProblemException.conflict("This request was already answered or withdrawn (" + r.status + ").",
                    "이미 답했거나 취하된 요청입니다.");
        }
        return r;
    }

    private static JoinRequestView joinRequest(MoveInReport r) {
        return JoinRequestView.of(r, Resident.<Resident>findById(r.residentId).name,
                (int) MoveInMover.count("reportId", r.id) + 1);
    }

    /**
     * Approval by an officer of the report's office; to an officer of another office the report does not exist
     * (404, as for an unknown id, so that ids cannot be probed nor another office's reports decided).
     */
    @Transactional
    public MoveInView approve(UUID reportId, Officer officer) {
        String official = officer.name();
        MoveInReport r = lockedUndecided(reportId, officer);
        Resident mover = Resident.findById(r.residentId, LockModeType.PESSIMISTIC_WRITE);
        List<MoveInMover> coMovers = MoveInMover.of(r.id);
        refuseChangedHousehold(mover, coMovers);
        Household household;
        if (r.mode == MoveInReport.Mode.NEW_HOUSEHOLD) {
            household = new Household();
            household.id = UUID.randomUUID();
            household.address = r.address;
            household.persist();
        } else {
            household = Household.findById(r.targetHouseholdId, LockModeType.PESSIMISTIC_WRITE);
            r.address = household.address;
        }
        mover.household = household;
        mover.relationToHead = r.relationToHead;
        AddressHistory.of(mover.id, household.id, household.address, r.movedInOn, AddressHistory.Reason.MOVE_IN)
                .persist();
        // Everyone moving with the filer moves with them, in this transaction (세대 전부/일부 전입).
        for (MoveInMover m : coMovers) {
            Resident coMover = Resident.findById(m.residentId, LockModeType.PESSIMISTIC_WRITE);
            coMover.household = household;
            coMover.relationToHead = m.relationToHead;
            AddressHistory.of(coMover.id, household.id, household.address, r.movedInOn, AddressHistory.Reason.MOVE_IN)
                    .persist();
            accessLog.record(coMover.id, official, AccessLogEntry.Action.DECIDE_MOVE_IN, "전입신고 처리 (승인, 동반 전입)");
        }
        r.status = MoveInReport.Status.APPROVED;
        decided(r, official);
        events.approved(r, coMovers.stream().map(m -> m.residentId).toList());
        accessLog.record(mover.id, official, AccessLogEntry.Action.DECIDE_MOVE_IN, "전입신고 처리 (승인)");
        return view(r, mover.name);
    }

    /** Rejection with a reason, by an officer of the report's office (another office's: 404, as for approval). */
    @Transactional
    public MoveInView reject(UUID reportId, Officer officer, String reason) {
        String official = officer.name();
        MoveInReport r = lockedUndecided(reportId, officer);
        r.status = MoveInReport.Status.REJECTED;
        r.rejectionReason = reason.strip();
        decided(r, official);
        events.rejected(r);
        accessLog.record(r.residentId, official, AccessLogEntry.Action.DECIDE_MOVE_IN, "전입신고 처리 (반려)");
        // The officer's answer: a JOIN's office too (its address is copied only on approval).
        return officerView(r, r.address);
    }

    /**
     * A report to decide: of the officer's offices (404 otherwise), undecided (409), and not held by another
     * officer (409 case-held naming them). Deciding it ends anyone's holding.
     */
    private MoveInReport lockedUndecided(UUID reportId, Officer officer) {
        MoveInReport r = lockedInJurisdiction(reportId, officer.offices());
        MoveInSupplementing.mustNotWaitForSupplement(r, r.status == MoveInReport.Status.SUPPLEMENT_REQUESTED
                ? openRound(r.id) : null);
        if (r.status != MoveInReport.Status.SUBMITTED) {
            throw alreadyDecided(r);
        }
        MoveInHolding.deciding(r, officer.subject());
        MoveInHolding.finished(r);
        return r;
    }

    /**
     * A report of the officer's offices; one that never reached the officers (a JOIN waiting for its head's
     * consent, or refused by the head: no office yet, so it would otherwise read as every officer's) does not exist
     * for them either, as the README promises: its filer's name is not theirs to read.
     */
    private MoveInReport lockedInJurisdiction(UUID reportId, Set<String> officerOffices) {
        return reachedTheOfficer(MoveInReport.findById(reportId, LockModeType.PESSIMISTIC_WRITE), officerOffices);
    }

    /** As {@link #lockedInJurisdiction}, for a read that changes nothing. */
    private MoveInReport inJurisdiction(UUID reportId, Set<String> officerOffices) {
        return reachedTheOfficer(MoveInReport.findById(reportId), officerOffices);
    }

    private MoveInReport reachedTheOfficer(MoveInReport r, Set<String> officerOffices) {
        if (r == null || r.queuedAt() == null || !inJurisdiction(r, officerOffices)) {
            throw notFound();
        }
        return r;
    }

    private static ProblemException alreadyDecided(MoveInReport r) {
        return ProblemException.conflict("This move-in report was already decided (" + r.status + ").",
                "이미 처리된 전입신고입니다.");
    }

    /**
     * At approval the filer's household is read again, locked: a head must still leave nobody behind (a member who
     * joined since would be), and everyone moving with the filer must still be a member. Otherwise 409: the
     * report no longer fits the household, and the officer rejects it for a new one.
     */
    private static void refuseChangedHousehold(Resident filer, List<MoveInMover> coMovers) {
        List<HouseholdMove.Member> household = Resident.<Resident>find("household.id", filer.household.id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().stream()
                .map(m -> new HouseholdMove.Member(m.id, m.relationToHead)).toList();
        var refusal = HouseholdMove.refusal(filer.id, household, coMovers.stream().map(m -> m.residentId).toList());
        if (refusal.isEmpty()) {
            return;
        }
        if (refusal.get() == HouseholdMove.Refusal.HEAD_LEAVES_MEMBERS) {
            throw HouseholdMove.headLeavesMembers();
        }
        throw ProblemException.conflict("The filer's household has changed since the report was filed; those "
                + "named to move with them are no longer all its members.",
                "신고 후 세대 구성이 바뀌어 함께 전입할 세대원이 더 이상 모두 이 세대에 속하지 않습니다.");
    }

    private static void decided(MoveInReport r, String official) {
        r.decidedAt = now();
        r.decidedBy = official;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException openReportExists() {
        return ProblemException.conflict("You already have a move-in report waiting for a decision.",
                "처리 중인 전입신고가 이미 있습니다.");
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such move-in report.", "해당 전입신고가 없습니다.");
    }
}
