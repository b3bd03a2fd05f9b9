package kr.civilportal.residency.movein;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.residency.accesslog.AccessLog;
import kr.civilportal.residency.accesslog.AccessLogEntry;
import kr.civilportal.residency.resident.AddressHistory;
import kr.civilportal.residency.resident.Household;
import kr.civilportal.residency.resident.RelationToHead;
import kr.civilportal.residency.resident.Resident;
import kr.civilportal.residency.rrn.ResidentRegistrationNumber;
import kr.civilportal.residency.rrn.RrnCipher;
import kr.civilportal.residency.rrn.RrnInput;

/**
 * Move-in reports: filed by a citizen, decided by a residency officer. Approval moves the resident (new
 * household or joined one, relation to the head, a new address history entry) in one transaction, with the
 * report locked so two officers cannot decide it twice; a report already decided is a 409.
 */
@ApplicationScoped
public class MoveIns {

    private final RrnCipher cipher;
    private final AccessLog accessLog;

    MoveIns(RrnCipher cipher, AccessLog accessLog) {
        this.cipher = cipher;
        this.accessLog = accessLog;
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
                cipher.lookupToken(RrnInput.parse("headResidentRegistrationNumber", head)), request.relationToHead());
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
            r.address = request.address().strip();
            r.relationToHead = RelationToHead.HEAD;
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
            Resident head = Resident.findByRrn(headNumber, cipher);
            if (head == null || head.relationToHead != RelationToHead.HEAD) {
                throw ProblemException.invalidField("headResidentRegistrationNumber",
                        "No head of a household has this registration number.", "해당 주민등록번호의 세대주가 없습니다.");
            }
            if (head.household.id.equals(mover.household.id)) {
                throw ProblemException.conflict("You already belong to this household.", "이미 이 세대의 세대원입니다.");
            }
            r.targetHouseholdId = head.household.id;
            r.address = head.household.address;
            r.relationToHead = request.relationToHead();
        }
        refuseHeadLeavingMembers(mover);
        if (MoveInReport.count("residentId = ?1 and status = ?2", residentId, MoveInReport.Status.SUBMITTED) > 0) {
            throw openReportExists();
        }
        r.status = MoveInReport.Status.SUBMITTED;
        r.submittedAt = now();
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
        return MoveInView.of(r, mover.name);
    }

    @Transactional
    public List<MoveInView> of(UUID residentId) {
        Resident mover = Resident.findById(residentId);
        return MoveInReport.<MoveInReport>list("residentId = ?1 order by submittedAt desc", residentId).stream()
                .map(r -> MoveInView.of(r, mover == null ? null : mover.name)).toList();
    }

    @Transactional
    public MoveInView one(UUID residentId, UUID reportId) {
        MoveInReport r = MoveInReport.findById(reportId);
        if (r == null || !r.residentId.equals(residentId)) {
            throw notFound();
        }
        return MoveInView.of(r, Resident.<Resident>findById(residentId).name);
    }

    /** The officers' work queue: reports waiting for a decision, oldest first. */
    @Transactional
    public List<MoveInView> pending() {
        return MoveInReport.<MoveInReport>list("status = ?1 order by submittedAt, id", MoveInReport.Status.SUBMITTED)
                .stream().map(r -> MoveInView.of(r, Resident.<Resident>findById(r.residentId).name)).toList();
    }

    @Transactional
    public MoveInView approve(UUID reportId, String official) {
        MoveInReport r = lockedUndecided(reportId);
        Resident mover = Resident.findById(r.residentId, LockModeType.PESSIMISTIC_WRITE);
        refuseHeadLeavingMembers(mover);
        Household household;
        if (r.mode == MoveInReport.Mode.NEW_HOUSEHOLD) {
            household = new Household();
            household.id = UUID.randomUUID();
            household.address = r.address;
            household.persist();
        } else {
            household = Household.findById(r.targetHouseholdId, LockModeType.PESSIMISTIC_WRITE);
        }
        mover.household = household;
        mover.relationToHead = r.relationToHead;
        AddressHistory.of(mover.id, household.id, household.address, r.movedInOn, AddressHistory.Reason.MOVE_IN)
                .persist();
        r.status = MoveInReport.Status.APPROVED;
        decided(r, official);
        accessLog.record(mover.id, official, AccessLogEntry.Action.DECIDE_MOVE_IN, "전입신고 처리 (승인)");
        return MoveInView.of(r, mover.name);
    }

    @Transactional
    public MoveInView reject(UUID reportId, String official, String reason) {
        MoveInReport r = lockedUndecided(reportId);
        r.status = MoveInReport.Status.REJECTED;
        r.rejectionReason = reason.strip();
        decided(r, official);
        accessLog.record(r.residentId, official, AccessLogEntry.Action.DECIDE_MOVE_IN, "전입신고 처리 (반려)");
        return MoveInView.of(r, Resident.<Resident>findById(r.residentId).name);
    }

    private static MoveInReport lockedUndecided(UUID reportId) {
        MoveInReport r = MoveInReport.findById(reportId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw notFound();
        }
        if (r.status != MoveInReport.Status.SUBMITTED) {
            throw ProblemException.conflict("This move-in report was already decided (" + r.status + ").",
                    "이미 처리된 전입신고입니다.");
        }
        return r;
    }

    /** The head of a household with other members must first hand the headship over (세대주 변경). */
    private static void refuseHeadLeavingMembers(Resident mover) {
        if (mover.relationToHead == RelationToHead.HEAD
                && Resident.count("household.id = ?1 and id <> ?2", mover.household.id, mover.id) > 0) {
            throw ProblemException.conflict(
                    "The head of a household with other members cannot move alone; change the head first.",
                    "세대원이 있는 세대주는 혼자 전입할 수 없습니다. 먼저 세대주를 변경해 주세요.");
        }
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
