package kr.civilportal.land.security;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import kr.civilportal.common.testing.AuthorizationMatrix;
import kr.civilportal.testsupport.Callers;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, for every operation the land register publishes (issue 28's regression suite). The register
 * is open to every signed-in caller (토지대장 열람, names masked for all but land officers); recording a change of
 * owner is the land officers'; verifying an extract is public. "Every signed-in caller" includes a service
 * client's token, since no service checks audiences yet (issue 28, finding 5).
 */
@QuarkusTest
class AuthorizationMatrixTest {


    @Test
    void everyOperationAnswersEachCallerAsDeclared() {
        Map<String, String> callers = Callers.everyKind();
        Set<String> signedIn = new java.util.HashSet<>(callers.keySet());
        signedIn.remove(Callers.ANONYMOUS);
        new AuthorizationMatrix()
                .allow("GET /api/land/v1/parcels", signedIn)
                .allow("GET /api/land/v1/parcels/{pnu}", signedIn)
                .allow("POST /api/land/v1/parcels/{pnu}/owners", Set.of("land-officer"))
                .allow("GET /api/land/v1/pnu", signedIn)
                .allow("GET /api/land/v1/pnu/{pnu}", signedIn)
                .allow("POST /api/land/v1/extracts", signedIn)
                .allow("GET /api/land/v1/extracts/{issuanceNumber}/pdf", signedIn)
                .allow("GET /api/land/v1/extracts/{issuanceNumber}", AuthorizationMatrix.ANYONE)
                .check(callers);
    }
}
