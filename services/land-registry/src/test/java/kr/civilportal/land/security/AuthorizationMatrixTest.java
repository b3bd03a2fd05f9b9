package kr.civilportal.land.security;

import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.civilportal.common.testing.AuthorizationMatrix;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, for every operation the land register publishes (issue 28's regression suite). The register
 * is open to every signed-in caller (토지대장 열람, names masked for all but land officers); recording a change of
 * owner is the land officers'; verifying an extract is public. "Every signed-in caller" includes a service
 * client's token, since no service checks audiences yet (issue 28, finding 5).
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final String SERVICE = "passport-service";

    @Test
    void everyOperationAnswersEachCallerAsDeclared() {
        Map<String, String> callers = callers();
        Set<String> signedIn = new java.util.HashSet<>(callers.keySet());
        signedIn.remove("anonymous");
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

    static Map<String, String> callers() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        for (String user : List.of("citizen", "citizen2", "residency-officer", "passport-officer", "land-officer",
                "dispatcher", "admin")) {
            tokens.put(user, Tokens.of(user));
        }
        tokens.put(SERVICE, Tokens.ofClient(SERVICE, "passport-service-dev-secret"));
        return tokens;
    }
}
