package kr.civilportal.land.security;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import kr.civilportal.common.testing.AuthorizationMatrix;
import kr.civilportal.testsupport.Callers;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, for every operation the land register publishes (the authorization regression suite). The register
 * is open to every signed-in caller (토지대장 열람, names masked for all but land officers); recording a change of
 * owner is the land officers'; verifying an extract is public. "Every signed-in caller" means every person
 * whose token was issued for the land register: the passport service's token (for residency only) and a token
 * another application of the realm obtained are refused 401, as the matrix checks for every caller (finding 5).
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** The demo land officers (종로구청 ×2, 강남구청): the role decides, the office is checked per request. */
    private static final Set<String> LAND_OFFICERS = Set.of("land-officer", "land-officer2", "land-officer3");

    @Test
    void everyOperationAnswersEachCallerAsDeclared() {
        Map<String, String> callers = Callers.everyKind();
        Set<String> signedIn = new java.util.HashSet<>(callers.keySet());
        signedIn.removeAll(Set.of(Callers.ANONYMOUS, Callers.PASSPORT_SERVICE, Callers.CITIZEN_VIA_ANOTHER_APP));
        new AuthorizationMatrix("land-registry-api")
                .allow("GET /api/land/v1/parcels", signedIn)
                .allow("GET /api/land/v1/parcels/{pnu}", signedIn)
                .allow("POST /api/land/v1/parcels/{pnu}/owners", LAND_OFFICERS)
                .allow("GET /api/land/v1/audit/record-reads", Set.of("auditor"))
                .allow("GET /api/land/v1/pnu", signedIn)
                .allow("GET /api/land/v1/pnu/{pnu}", signedIn)
                .allow("POST /api/land/v1/extracts", signedIn)
                .allow("GET /api/land/v1/extracts", signedIn)
                .allow("GET /api/land/v1/extracts/{issuanceNumber}/pdf", signedIn)
                .allow("GET /api/land/v1/extracts/{issuanceNumber}", AuthorizationMatrix.ANYONE)
                .allow("POST /api/land/v1/extract-verifications", AuthorizationMatrix.ANYONE)
                .allow("POST /api/land/v1/owner-change-requests", Set.of("citizen", "citizen2"))
                .allow("GET /api/land/v1/owner-change-requests", Set.of("citizen", "citizen2"))
                .allow("GET /api/land/v1/owner-change-requests/{id}", Set.of("citizen", "citizen2"))
                .allow("GET /api/land/v1/officer/owner-change-requests", LAND_OFFICERS)
                .allow("GET /api/land/v1/officer/owner-change-requests/counts", LAND_OFFICERS)
                .allow("PUT /api/land/v1/officer/owner-change-requests/{id}/holder", LAND_OFFICERS)
                .allow("DELETE /api/land/v1/officer/owner-change-requests/{id}/holder", LAND_OFFICERS)
                .allow("POST /api/land/v1/officer/owner-change-requests/{id}/holder/takeover", LAND_OFFICERS)
                .allow("POST /api/land/v1/officer/owner-change-requests/{id}/holder/assignment", LAND_OFFICERS)
                .allow("GET /api/land/v1/officer/owner-change-requests/{id}/assignees", LAND_OFFICERS)
                .allow("POST /api/land/v1/officer/owner-change-requests/{id}/approval", LAND_OFFICERS)
                .allow("POST /api/land/v1/officer/owner-change-requests/{id}/rejection", LAND_OFFICERS)
                .check(callers);
    }
}
