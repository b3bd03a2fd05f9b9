package kr.civilportal.passport.security;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import kr.civilportal.common.testing.AuthorizationMatrix;
import kr.civilportal.testsupport.Callers;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, for every operation the passport service publishes (the authorization regression suite): citizens
 * apply, upload, book and resubmit; passport officers list, decide and resolve identity checks; both read an
 * application, its photo, its 보완 documents, its appointment, the fees and the pickup slots (whose application it is, the service
 * checks next: another citizen's is a 404, tested with each resource). Officers take, let go of, take over and
 * assign applications (담당, 배정). The auditor searches the photo-read log and reaches nothing else. Citizens pay
 * their fee online; the payment provider's webhook takes no token (its signature is checked instead).
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final Set<String> CITIZENS = Set.of("citizen", "citizen2");
    /** Officers of every office: which office's applications each may act on is JurisdictionTest's. */
    static final Set<String> OFFICER = Set.of("passport-officer", "passport-officer2", "passport-officer3");
    static final Set<String> BOTH = Set.of("citizen", "citizen2", "passport-officer", "passport-officer2",
            "passport-officer3");

    @Test
    void everyOperationAnswersEachCallerAsDeclared() {
        new AuthorizationMatrix("passport-api")
                .allow("POST /api/passport/v1/applications", CITIZENS)
                .allow("GET /api/passport/v1/applications/mine", CITIZENS)
                .allow("PUT /api/passport/v1/applications/{id}/photo", CITIZENS)
                .allow("POST /api/passport/v1/applications/{id}/appointment", CITIZENS)
                .allow("DELETE /api/passport/v1/applications/{id}/appointment", CITIZENS)
                .allow("POST /api/passport/v1/applications/{id}/resubmission", CITIZENS)
                .allow("POST /api/passport/v1/applications/{id}/payments", CITIZENS)
                .allow("POST /api/passport/v1/applications/{id}/payment-check", CITIZENS)
                .allow("GET /api/passport/v1/me/photo-reads", CITIZENS)
                .allow("GET /api/passport/v1/applications", OFFICER)
                .allow("GET /api/passport/v1/applications/counts", OFFICER)
                .allow("POST /api/passport/v1/applications/{id}/transitions", OFFICER)
                .allow("POST /api/passport/v1/applications/{id}/identity-check", OFFICER)
                .allow("PUT /api/passport/v1/applications/{id}/holder", OFFICER)
                .allow("DELETE /api/passport/v1/applications/{id}/holder", OFFICER)
                .allow("POST /api/passport/v1/applications/{id}/holder/takeover", OFFICER)
                .allow("POST /api/passport/v1/applications/{id}/holder/assignment", OFFICER)
                .allow("GET /api/passport/v1/applications/{id}/assignees", OFFICER)
                .allow("GET /api/passport/v1/applications/{id}", BOTH)
                .allow("GET /api/passport/v1/applications/{id}/photo", BOTH)
                .allow("GET /api/passport/v1/applications/{id}/supplement-documents/{documentId}", BOTH)
                .allow("GET /api/passport/v1/applications/{id}/appointment", BOTH)
                .allow("GET /api/passport/v1/fees", BOTH)
                .allow("GET /api/passport/v1/pickup-slots", BOTH)
                .allow("GET /api/passport/v1/audit/record-reads", Set.of("auditor"))
                // The payment provider's webhook: no token, its HMAC signature instead (PaymentNotificationResource).
                .allow("POST /api/passport/v1/payment-notifications", AuthorizationMatrix.SIGNED)
                .check(Callers.everyKind());
    }
}
