package kr.civilportal.residency.resident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import java.util.List;
import kr.civilportal.residency.accesslog.AccessLog;
import kr.civilportal.residency.accesslog.AccessLogEntry;
import kr.civilportal.residency.office.ResidencyOffices;
import kr.civilportal.residency.rrn.ResidentRegistrationNumber;
import kr.civilportal.residency.rrn.RrnCipher;
import kr.civilportal.residency.rrn.RrnInput;

/** Reads resident records and shapes them for the resident: every number masked on the way out. */
@ApplicationScoped
public class ResidentRecords {

    private final RrnCipher cipher;
    private final AccessLog accessLog;
    private final ResidencyOffices offices;

    ResidentRecords(RrnCipher cipher, AccessLog accessLog, ResidencyOffices offices) {
        this.cipher = cipher;
        this.accessLog = accessLog;
        this.offices = offices;
    }

    /** What an official sees: the record (number masked) and the address history. */
    public record OfficialView(ResidentRecord record, List<ResidentRecord.AddressEntry> addressHistory) {
    }

    /** A record read by id, by an officer whose offices it is in ({@link #inJurisdiction}); else 404. */
    @Transactional
    public OfficialView readAsOfficial(UUID residentId, String official, Set<String> officerOffices, String reason) {
        Resident resident = Resident.findById(residentId);
        if (resident == null || !inJurisdiction(resident, officerOffices)) {
            throw ProblemException.notFound("No resident with this id.", "해당 주민이 없습니다.");
        }
        return logged(resident, official, reason);
    }

    /** A record found by number, by an officer whose offices it is in; else 404, as for a number of nobody. */
    @Transactional
    public OfficialView findAsOfficial(String rrnText, String official, Set<String> officerOffices, String reason) {
        ResidentRegistrationNumber rrn = RrnInput.parse("residentRegistrationNumber", rrnText);
        Resident resident = Resident.findByRrn(rrn, cipher);
        if (resident == null || !inJurisdiction(resident, officerOffices)) {
            throw ProblemException.notFound("No resident with this registration number.",
                    "해당 주민등록번호의 주민이 없습니다.");
        }
        return logged(resident, official, reason);
    }

    /**
     * 관할 of a record read: an officer reads the records of residents living in their offices' districts (and at
     * addresses no office covers, every officer's, as move-ins are), and of a resident whose move-in report waits
     * at one of their offices, as its filer or moving with them (to decide it, the officer reads where the movers
     * live now, elsewhere). Anyone
     * else's record does not exist for them (404, as for an unknown id or number: a refusal would confirm that the
     * number is someone's). The move-in is looked up in SQL so that this package does not depend on movein's.
     */
    private boolean inJurisdiction(Resident resident, Set<String> officerOffices) {
        Optional<String> office = offices.officeOf(resident.household.address);
        if (office.isEmpty() || officerOffices.contains(office.get())) {
            return true;
        }
        Number deciding = (Number) Resident.getEntityManager().createNativeQuery("""
                SELECT count(*) FROM move_in_report WHERE status = 'SUBMITTED'
                  AND (resident_id = ?1 OR id IN (SELECT report_id FROM move_in_mover WHERE resident_id = ?1))
                  AND (office_id IS NULL OR office_id = ANY (?2) OR NOT (office_id = ANY (?3)))""")
                .setParameter(1, resident.id)
                .setParameter(2, officerOffices.toArray(String[]::new))
                .setParameter(3, offices.configured().toArray(String[]::new)).getSingleResult();
        return deciding.longValue() > 0;
    }

    private OfficialView logged(Resident resident, String official, String reason) {
        accessLog.record(resident.id, official, AccessLogEntry.Action.READ_RECORD, reason.strip());
        return new OfficialView(recordOf(resident.id), addressHistoryOf(resident.id));
    }

    @Transactional
    public ResidentRecord recordOf(UUID residentId) {
        Resident resident = Resident.findById(residentId);
        if (resident == null) {
            throw noRecord();
        }
        Household household = resident.household;
        var members = household.members().stream()
                .map(m -> new ResidentRecord.Member(m.id, m.name, m.relationToHead, m.rrn(cipher).masked()))
                .toList();
        return new ResidentRecord(resident.id, resident.name, resident.rrn(cipher).masked(), resident.birthDate,
                household.address, new ResidentRecord.HouseholdView(household.id, household.address, members));
    }

    @Transactional
    public java.util.List<ResidentRecord.AddressEntry> addressHistoryOf(UUID residentId) {
        if (Resident.findById(residentId) == null) {
            throw noRecord();
        }
        return AddressHistory.of(residentId).stream()
                .map(h -> new ResidentRecord.AddressEntry(h.movedInOn, h.address, h.reason)).toList();
    }

    static ProblemException noRecord() {
        return ProblemException.notFound("No resident record is linked to your account.",
                "계정에 연결된 주민등록 정보가 없습니다.");
    }
}
