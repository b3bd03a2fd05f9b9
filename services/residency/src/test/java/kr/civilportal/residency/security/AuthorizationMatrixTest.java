package kr.civilportal.residency.security;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import kr.civilportal.common.testing.AuthorizationMatrix;
import kr.civilportal.testsupport.Callers;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, for every operation residency publishes (the authorization regression suite): anonymous, both demo
 * citizens, each officer role, admin, the auditor and the passport service's own client. See {@link AuthorizationMatrix}.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final Set<String> CITIZENS = Set.of("citizen", "citizen2");
    static final Set<String> OFFICER = Set.of("residency-officer", "residency-officer2", "residency-officer3");
    static final Set<String> SIGNED_IN = Set.of("citizen", "citizen2", "residency-officer", "residency-officer2",
            "residency-officer3", "passport-officer", "passport-officer2", "passport-officer3", "land-officer",
            "land-officer2", "land-officer3", "dispatcher", "admin", "auditor", "supervisor", Callers.PASSPORT_SERVICE);

    @Test
    void everyOperationAnswersEachCallerAsDeclared() {
        AuthorizationMatrix matrix = new AuthorizationMatrix("residency-api")
                .allow("GET /api/residency/v1/verifications/{issuanceNumber}", AuthorizationMatrix.ANYONE)
                .allow("POST /api/residency/v1/verifications", AuthorizationMatrix.ANYONE)
                .allow("GET /api/residency/v1/identity/{residentId}", Set.of(Callers.PASSPORT_SERVICE))
                .allow("GET /api/residency/v1/audit/record-reads", Set.of("auditor"))
                // The road-name register is public data: whoever the realm signed in for this service searches it.
                .allow("GET /api/residency/v1/addresses", SIGNED_IN);
        for (String op : List.of("GET /api/residency/v1/me", "GET /api/residency/v1/me/address-history",
                "GET /api/residency/v1/me/access-log", "POST /api/residency/v1/certificates",
                "GET /api/residency/v1/certificates", "GET /api/residency/v1/certificates/{issuanceNumber}/pdf",
                "POST /api/residency/v1/move-ins", "GET /api/residency/v1/move-ins",
                "GET /api/residency/v1/move-ins/{id}", "POST /api/residency/v1/move-ins/{id}/withdrawal",
                "POST /api/residency/v1/move-ins/{id}/supplement-answer",
                "GET /api/residency/v1/move-ins/{id}/supplement-documents/{documentId}",
                "GET /api/residency/v1/household/join-requests",
                "POST /api/residency/v1/household/join-requests/{id}/consent",
                "POST /api/residency/v1/household/join-requests/{id}/refusal",
                "POST /api/residency/v1/household/head-changes", "GET /api/residency/v1/household/head-changes",
                "POST /api/residency/v1/household/head-changes/{id}/consent",
                "POST /api/residency/v1/household/head-changes/{id}/refusal",
                "DELETE /api/residency/v1/household/head-changes/{id}")) {
            matrix.allow(op, CITIZENS);
        }
        for (String op : List.of("GET /api/residency/v1/officer/move-ins",
                "POST /api/residency/v1/officer/move-ins/{id}/approval",
                "POST /api/residency/v1/officer/move-ins/{id}/rejection",
                "GET /api/residency/v1/officer/move-ins/counts",
                "PUT /api/residency/v1/officer/move-ins/{id}/holder",
                "DELETE /api/residency/v1/officer/move-ins/{id}/holder",
                "POST /api/residency/v1/officer/move-ins/{id}/holder/takeover",
                "POST /api/residency/v1/officer/move-ins/{id}/holder/assignment",
                "GET /api/residency/v1/officer/move-ins/{id}/assignees",
                "POST /api/residency/v1/officer/move-ins/{id}/supplement-request",
                "GET /api/residency/v1/officer/move-ins/{id}/supplement-documents/{documentId}",
                "GET /api/residency/v1/officer/residents/{id}", "POST /api/residency/v1/officer/residents/search")) {
            matrix.allow(op, OFFICER);
        }
        matrix.check(Callers.everyKind());
    }
}
