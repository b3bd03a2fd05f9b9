package kr.civilportal.emergency.security;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import kr.civilportal.common.testing.AuthorizationMatrix;
import kr.civilportal.testsupport.Callers;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, for every operation the 119 service publishes (the authorization regression suite). Anyone may
 * report and follow their report with its receipt token (a 119 report must never wait for a login); everything
 * else is the dispatchers'.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** The supervisor (상황팀장) is a dispatcher too. */
    static final Set<String> DISPATCHER = Set.of("dispatcher", "supervisor");

    @Test
    void everyOperationAnswersEachCallerAsDeclared() {
        AuthorizationMatrix matrix = new AuthorizationMatrix("emergency-report-api")
                .allow("POST /api/emergency/v1/reports", AuthorizationMatrix.ANYONE)
                .allow("GET /api/emergency/v1/receipts/{reportId}", AuthorizationMatrix.ANYONE)
                .allow("POST /api/emergency/v1/receipts/{reportId}/attachments", AuthorizationMatrix.ANYONE)
                .allow("GET /api/emergency/v1/audit/record-reads", Set.of("auditor"));
        for (String op : List.of("GET /api/emergency/v1/reports", "GET /api/emergency/v1/reports/{id}",
                "POST /api/emergency/v1/reports/{id}/acknowledgement", "POST /api/emergency/v1/reports/{id}/assignment",
                "POST /api/emergency/v1/reports/{id}/notes", "POST /api/emergency/v1/reports/{id}/closure",
                "GET /api/emergency/v1/reports/{id}/events",
                "GET /api/emergency/v1/reports/{id}/attachments/{attachmentId}",
                "GET /api/emergency/v1/dispatch/events")) {
            matrix.allow(op, DISPATCHER);
        }
        matrix.check(Callers.everyKind());
    }
}
