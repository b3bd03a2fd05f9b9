package kr.civilportal.residency.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, for every operation residency publishes in its OpenAPI document: anonymous callers get 401
 * (except on the public verification), a caller without the operation's role 403, a caller with it neither. An
 * operation missing from {@link #ALLOWED} fails the test, so a new endpoint must say who may call it. The calls
 * use unknown ids and empty bodies: an allowed caller gets 400 or 404, and nothing changes.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String PUBLIC = "anyone";
    private static final String CITIZEN = "citizen";
    private static final String OFFICER = "residency-officer";
    private static final String SERVICE = "passport-service";

    /** "METHOD path" → the one caller kind allowed. */
    private static final Map<String, String> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("GET /api/residency/v1/verifications/{issuanceNumber}", PUBLIC);
        ALLOWED.put("GET /api/residency/v1/identity/{residentId}", SERVICE);
        for (String op : List.of("GET /api/residency/v1/me", "GET /api/residency/v1/me/address-history",
                "GET /api/residency/v1/me/access-log", "POST /api/residency/v1/certificates",
                "GET /api/residency/v1/certificates", "GET /api/residency/v1/certificates/{issuanceNumber}/pdf",
                "POST /api/residency/v1/move-ins", "GET /api/residency/v1/move-ins",
                "GET /api/residency/v1/move-ins/{id}", "POST /api/residency/v1/move-ins/{id}/withdrawal",
                "GET /api/residency/v1/household/join-requests",
                "POST /api/residency/v1/household/join-requests/{id}/consent",
                "POST /api/residency/v1/household/join-requests/{id}/refusal")) {
            ALLOWED.put(op, CITIZEN);
        }
        for (String op : List.of("GET /api/residency/v1/officer/move-ins",
                "POST /api/residency/v1/officer/move-ins/{id}/approval",
                "POST /api/residency/v1/officer/move-ins/{id}/rejection",
                "GET /api/residency/v1/officer/residents/{id}", "POST /api/residency/v1/officer/residents/search")) {
            ALLOWED.put(op, OFFICER);
        }
    }

    /** Every kind of caller: none, each demo user's roles, and the passport service's own client. */
    private static final List<String> CALLERS = List.of("anonymous", "citizen", "citizen2", "residency-officer",
            "passport-officer", "land-officer", "dispatcher", "admin", SERVICE);

    @Test
    void everyOperationAnswersEachCallerAsDeclared() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        Set<String> published = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> published.add(m.toUpperCase() + " " + path)));
        assertEquals(new TreeSet<>(ALLOWED.keySet()), published,
                "every published operation says who may call it, and nothing declared is unpublished");

        Map<String, String> tokens = new LinkedHashMap<>();
        for (String caller : CALLERS) {
            tokens.put(caller, switch (caller) {
                case "anonymous" -> null;
                case SERVICE -> Tokens.ofClient(SERVICE, "passport-service-dev-secret");
                default -> Tokens.of(caller);
            });
        }
        List<String> wrong = new ArrayList<>();
        for (String operation : published) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}",
                    UUID.randomUUID().toString());
            String allowed = ALLOWED.get(operation);
            tokens.forEach((caller, token) -> {
                RequestSpecification request = given().redirects().follow(false);
                if (token != null) {
                    request.auth().oauth2(token);
                }
                if (method.equals("POST")) {
                    request.contentType("application/json").body("{}");
                }
                int status = request.request(method, path).statusCode();
                int expected = expected(allowed, caller);
                boolean ok = expected == 0 ? status != 401 && status != 403 : status == expected;
                if (!ok) {
                    wrong.add(operation + " as " + caller + ": " + status + " (expected "
                            + (expected == 0 ? "neither 401 nor 403" : expected) + ")");
                }
            });
        }
        assertEquals(List.of(), wrong);
    }

    /** 0: allowed (any answer but 401 and 403). */
    private static int expected(String allowed, String caller) {
        if (allowed.equals(PUBLIC)) {
            return 0;
        }
        if (caller.equals("anonymous")) {
            return 401;
        }
        boolean has = switch (allowed) {
            case CITIZEN -> caller.equals("citizen") || caller.equals("citizen2");
            case OFFICER -> caller.equals(OFFICER);
            case SERVICE -> caller.equals(SERVICE);
            default -> false;
        };
        return has ? 0 : 403;
    }
}
