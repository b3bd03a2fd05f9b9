package kr.civilportal.residency.resident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.residency.rrn.RrnCipher;

/** Reads resident records and shapes them for the resident: every number masked on the way out. */
@ApplicationScoped
public class ResidentRecords {

    private final RrnCipher cipher;

    ResidentRecords(RrnCipher cipher) {
        this.cipher = cipher;
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

    static ProblemException noRecord() {
        return ProblemException.notFound("No resident record is linked to your account.",
                "계정에 연결된 주민등록 정보가 없습니다.");
    }
}
