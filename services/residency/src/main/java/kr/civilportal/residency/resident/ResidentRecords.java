package kr.civilportal.residency.resident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import java.util.List;
import kr.civilportal.residency.accesslog.AccessLog;
import kr.civilportal.residency.accesslog.AccessLogEntry;
import kr.civilportal.residency.rrn.ResidentRegistrationNumber;
import kr.civilportal.residency.rrn.RrnCipher;
import kr.civilportal.residency.rrn.RrnInput;

/** Reads resident records and shapes them for the resident: every number masked on the way out. */
@ApplicationScoped
public class ResidentRecords {

    private final RrnCipher cipher;
    private final AccessLog accessLog;

    ResidentRecords(RrnCipher cipher, AccessLog accessLog) {
        this.cipher = cipher;
        this.accessLog = accessLog;
    }

    /** What an official sees: the record (number masked) and the address history. */
    public record OfficialView(ResidentRecord record, List<ResidentRecord.AddressEntry> addressHistory) {
    }

    @Transactional
    public OfficialView readAsOfficial(UUID residentId, String official, String reason) {
        Resident resident = Resident.findById(residentId);
        if (resident == null) {
            throw ProblemException.notFound("No resident with this id.", "해당 주민이 없습니다.");
        }
        return logged(resident, official, reason);
    }

    @Transactional
    public OfficialView findAsOfficial(String rrnText, String official, String reason) {
        ResidentRegistrationNumber rrn = RrnInput.parse("residentRegistrationNumber", rrnText);
        Resident resident = Resident.findByRrn(rrn, cipher);
        if (resident == null) {
            throw ProblemException.notFound("No resident with this registration number.",
                    "해당 주민등록번호의 주민이 없습니다.");
        }
        return logged(resident, official, reason);
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
                .map(m -> new ResidentRecord.Member(m.name, m.relationToHead, m.rrn(cipher).masked()))
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
