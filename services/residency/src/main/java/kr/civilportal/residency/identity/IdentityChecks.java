package kr.civilportal.residency.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.residency.accesslog.AccessLog;
import kr.civilportal.residency.accesslog.AccessLogEntry;
import kr.civilportal.residency.resident.Resident;

/**
 * Answers another service's identity check with the least personal data that serves it: that the resident is
 * registered, and the birth date (the passport rules depend on age: fee rows for children, the 5-year passport
 * of minors). No name, number or address leaves: the caller already knows whom it asks about (the resident id
 * from the applicant's own token), and what it does not need it must not hold (개인정보 보호법 제16조, 최소 수집).
 * The read and its purpose are written to the access log in the same transaction, so the resident sees it.
 */
@ApplicationScoped
public class IdentityChecks {

    /** The realm role of services allowed to check identities (held by the passport-service client). */
    public static final String ROLE = "identity-check";

    private final AccessLog accessLog;

    IdentityChecks(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    /** What the calling service learns. */
    public record Identity(UUID residentId, boolean registered, LocalDate birthDate) {
    }

    @Transactional
    public Identity check(UUID residentId, String client, String purpose) {
        Resident resident = Resident.findById(residentId);
        if (resident == null) {
            throw ProblemException.notFound("No resident with this id.", "해당 주민이 없습니다.");
        }
        accessLog.record(resident.id, client, ROLE, AccessLogEntry.Action.IDENTITY_CHECK, "본인 확인: " + purpose);
        return new Identity(resident.id, true, resident.birthDate);
    }
}
