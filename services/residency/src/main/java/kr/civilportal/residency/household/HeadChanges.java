package kr.civilportal.residency.household;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.civilportal.common.masking.Masking;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.residency.ResidencySettings;
import kr.civilportal.residency.accesslog.AccessLog;
import kr.civilportal.residency.accesslog.AccessLogEntry;
import kr.civilportal.residency.movein.MoveIns;
import kr.civilportal.residency.resident.Household;
import kr.civilportal.residency.resident.RelationToHead;
import kr.civilportal.residency.resident.Resident;
import org.jboss.logging.Logger;

/**
 * 세대주 변경신고: the head files, the named member consents (or refuses), the filer may withdraw while it waits.
 * Filing and consent lock the household row, as a move-in filing does, so that a head change and a move-in of the
 * same household are judged one after the other: neither is filed while the other is open. A request to join the
 * household (세대 합가) open for its head blocks a filing, and its head's consent to one waits for no change to be open
 * (it takes the same lock: {@code MoveIns.consent}). Consent applies the change
 * without an officer (a report of a fact by the people concerned, agreed by the one made head), every member's change
 * in the access log and the change's history (V18).
 */
@ApplicationScoped
public class HeadChanges {

    /** Who is named in the access log for a change the residents made themselves: no official read or decided it. */
    static final String BY_CONSENT = "system:head-change";
    /** The role the access log names for it: the residents' own report. */
    static final String CITIZEN_ROLE = "citizen";
    private static final Logger LOG = Logger.getLogger(HeadChanges.class);

    private final AccessLog accessLog;
    private final ResidencySettings.HeadChange settings;

    HeadChanges(AccessLog accessLog, ResidencySettings settings) {
        this.accessLog = accessLog;
        this.settings = settings.headChange();
    }

    /**
     * Whether a head change of the household waits for its new head: then none of its members files a move-in, and
     * its head consents to no request to join it.
     */
    public static boolean openIn(UUID householdId) {
        return HeadChange.count("householdId = ?1 and status = ?2", householdId, HeadChange.Status.AWAITING_NEW_HEAD) > 0;
    }

    @Transactional
    public HeadChangeView file(UUID filerId, HeadChangeRequest request) {
        HeadChangePlan.checkForm(request);
        Resident filer = resident(filerId);
        Household.findById(filer.household.id, LockModeType.PESSIMISTIC_WRITE);
        List<Resident> members = Resident.list("household.id", filer.household.id);
        Map<UUID, RelationToHead> after = HeadChangePlan.plan(filerId, members.stream()
                .map(m -> new HeadChangePlan.Member(m.id, m.relationToHead)).toList(), request);
        if (openIn(filer.household.id)) {
            throw ProblemException.conflict("A change of head of your household already waits for its new head.",
                    "이미 새 세대주의 동의를 기다리는 세대주 변경신고가 있습니다.");
        }
        refuseOpenMoveIns(members.stream().map(m -> m.id).toList());
        if (MoveIns.joinOpenFor(filerId, filer.household.id)) {
            // The joiner gave their relation to this head, and is to be consented by them (or was): not by another.
            throw ProblemException.conflict("A request to join your household is open (waiting for your answer, or "
                    + "consented and waiting for an officer's decision); it must be answered, decided or withdrawn "
                    + "first.",
                    "우리 세대로의 세대 합가 신청이 처리 중입니다(세대주 동의 대기 또는 담당 공무원 처리 중). "
                            + "동의·미동의하거나 그 신청이 처리·취하된 뒤 신고해 주세요.");
        }
        HeadChange c = new HeadChange();
        c.id = UUID.randomUUID();
        c.householdId = filer.household.id;
        c.filerId = filerId;
        c.newHeadId = request.newHead();
        c.status = HeadChange.Status.AWAITING_NEW_HEAD;
        c.filedAt = now();
        c.persist();
        Map<UUID, RelationToHead> before = members.stream().collect(Collectors.toMap(m -> m.id, m -> m.relationToHead));
        int position = 0;
        for (Map.Entry<UUID, RelationToHead> m : after.entrySet()) {
            HeadChangeRelation.of(c.id, m.getKey(), before.get(m.getKey()), m.getValue(), position++).persist();
        }
        LOG.infof("Head change %s filed for household %s", c.id, c.householdId);
        return view(c, filerId);
    }

    /** The caller's open and recent head changes (filed or named in as new head), of their household, newest first. */
    @Transactional
    public List<HeadChangeView> of(UUID residentId) {
        Resident caller = resident(residentId);
        OffsetDateTime since = now().minusDays(settings.recentDays());
        return HeadChange.<HeadChange>list("householdId = ?1 and (filerId = ?2 or newHeadId = ?2)"
                        + " and (status = ?3 or decidedAt >= ?4) order by filedAt desc, id", caller.household.id,
                residentId, HeadChange.Status.AWAITING_NEW_HEAD, since)
                .stream().map(c -> view(c, residentId)).toList();
    }

    /**
     * The new head consents: with the household row locked, every member filed is still a member, nobody else is, and
     * none is on an open move-in report; else the change is CANCELLED (kept so, though this answer is a 409) and must be
     * filed again. Then the new head is head and every other member has the relation filed.
     */
    @Transactional
    public HeadChangeView consent(UUID newHeadId, UUID changeId) {
        HeadChange seen = HeadChange.findById(changeId);
        if (seen == null || !seen.newHeadId.equals(newHeadId)) {
            throw notFound();
        }
        Household.findById(seen.householdId, LockModeType.PESSIMISTIC_WRITE);
        // Read again now that the household is locked; the change's own row is locked only once it is to be applied,
        // so that cancel() below, in a transaction of its own, does not wait for this one.
        HeadChange c = seen;
        HeadChange.getEntityManager().refresh(c);
        mustWait(c);
        List<HeadChangeRelation> filed = HeadChangeRelation.of(c.id);
        List<Resident> members = Resident.<Resident>find("household.id", c.householdId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        Set<UUID> now = members.stream().map(m -> m.id).collect(Collectors.toSet());
        Set<UUID> then = filed.stream().map(r -> r.residentId).collect(Collectors.toSet());
        if (!now.equals(then) || members.stream().anyMatch(m -> MoveIns.onAnOpenReport(m.id))) {
            cancel(c.id);
            throw ProblemException.conflict("The household has changed since the head change was filed (a member left "
                    + "or joined, or is on a move-in report); it is cancelled and may be filed again.",
                    "신고 후 세대 구성이 바뀌었거나 세대원 중 처리 중인 전입신고가 있어 세대주 변경신고가 취소되었습니다. 다시 신고해 주세요.");
        }
        if (MoveIns.joinConsentedInto(c.householdId)) {
            // Not while this version runs (a join is not consented while a change waits), but one consented by a
            // replica of the version before, during a rolling update, would bring in a member related to the old head.
            cancel(c.id);
            throw ProblemException.conflict("A request to join the household was consented since the head change was "
                    + "filed and waits for an officer; the change is cancelled and may be filed once that is decided.",
                    "신고 후 세대주가 동의한 세대 합가 신청이 처리 중이어서 세대주 변경신고가 취소되었습니다. 그 신청이 처리된 뒤 다시 신고해 주세요.");
        }
        HeadChange.getEntityManager().refresh(c, LockModeType.PESSIMISTIC_WRITE);
        mustWait(c); // a withdrawal may have come in between
        Map<UUID, Resident> byId = members.stream().collect(Collectors.toMap(m -> m.id, m -> m));
        for (HeadChangeRelation r : filed) {
            byId.get(r.residentId).relationToHead = r.after;
            accessLog.record(r.residentId, BY_CONSENT, CITIZEN_ROLE, AccessLogEntry.Action.HEAD_CHANGE,
                    "세대주 변경신고 반영 (새 세대주 동의)");
        }
        c.status = HeadChange.Status.APPLIED;
        c.consentedBy = newHeadId;
        c.decidedAt = now();
        LOG.infof("Head change %s applied to household %s", c.id, c.householdId);
        return view(c, newHeadId);
    }

    /** The new head does not consent (미동의): nothing changes in the household. */
    @Transactional
    public HeadChangeView refuse(UUID newHeadId, UUID changeId) {
        HeadChange c = HeadChange.findById(changeId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !c.newHeadId.equals(newHeadId)) {
            throw notFound();
        }
        mustWait(c);
        return ended(c, HeadChange.Status.REFUSED, newHeadId);
    }

    /** The filer takes it back while it waits (취하). */
    @Transactional
    public HeadChangeView withdraw(UUID filerId, UUID changeId) {
        HeadChange c = HeadChange.findById(changeId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !c.filerId.equals(filerId)) {
            throw notFound();
        }
        mustWait(c);
        return ended(c, HeadChange.Status.WITHDRAWN, filerId);
    }

    private HeadChangeView ended(HeadChange c, HeadChange.Status status, UUID caller) {
        c.status = status;
        c.decidedAt = now();
        return view(c, caller);
    }

    private static void mustWait(HeadChange c) {
        if (c.status != HeadChange.Status.AWAITING_NEW_HEAD) {
            throw ProblemException.conflict("This head change no longer waits for an answer (" + c.status + ").",
                    "이미 처리되었거나 취하된 세대주 변경신고입니다.");
        }
    }

    /**
     * Kept CANCELLED in a transaction of its own, since the consent's ends in a 409 and rolls back. The consent has
     * not locked the change's row (only the household's), so this does not wait for it.
     */
    private static void cancel(UUID changeId) {
        QuarkusTransaction.requiringNew().run(() -> {
            HeadChange c = HeadChange.findById(changeId, LockModeType.PESSIMISTIC_WRITE);
            if (c != null && c.status == HeadChange.Status.AWAITING_NEW_HEAD) {
                c.status = HeadChange.Status.CANCELLED;
                c.decidedAt = now();
                LOG.infof("Head change %s cancelled: household %s changed", c.id, c.householdId);
            }
        });
    }

    private static void refuseOpenMoveIns(List<UUID> members) {
        for (UUID m : members) {
            if (MoveIns.onAnOpenReport(m)) {
                throw ProblemException.conflict("A member of your household is on a move-in report still waiting for "
                        + "a decision; it must be decided or withdrawn first.",
                        "세대원 중 처리 중인 전입신고가 있는 분이 있습니다. 그 신고가 처리되거나 취하된 뒤 신고해 주세요.");
            }
        }
    }

    private static HeadChangeView view(HeadChange c, UUID caller) {
        List<HeadChangeView.Relation> relations = new ArrayList<>();
        for (HeadChangeRelation r : HeadChangeRelation.of(c.id)) {
            if (!r.residentId.equals(c.newHeadId)) {
                relations.add(new HeadChangeView.Relation(maskedName(r.residentId), r.after));
            }
        }
        return new HeadChangeView(c.id, c.status, c.filedAt, c.decidedAt,
                caller.equals(c.filerId) ? HeadChangeView.Role.FILER : HeadChangeView.Role.NEW_HEAD,
                new HeadChangeView.Person(maskedName(c.newHeadId)), new HeadChangeView.Person(maskedName(c.filerId)),
                relations);
    }

    private static String maskedName(UUID residentId) {
        return Masking.name(Resident.<Resident>findById(residentId).name);
    }

    private static Resident resident(UUID id) {
        Resident r = Resident.findById(id);
        if (r == null) {
            throw ProblemException.notFound("No resident record is linked to your account.",
                    "계정에 연결된 주민등록 정보가 없습니다.");
        }
        return r;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such head change of your household.", "해당 세대주 변경신고가 없습니다.");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
