package kr.civilportal.common.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import kr.civilportal.testsupport.Tokens;

/**
 * Who may call what, for every operation a service publishes in its OpenAPI document (the security regression
 * suite). A service's test declares, per {@code "METHOD /path/{template}"}, the callers allowed
 * ({@link #ANYONE} for a public operation) and gives a token per caller ({@code null}: anonymous). Then each
 * operation is called by each caller, with unknown ids in the path and an empty JSON body: anonymous callers of a
 * protected operation, and callers whose token was not issued for this service (its {@code aud} lacks the
 * service's audience), must get 401, other callers not allowed 403, allowed callers neither (typically 400 or 404,
 * so nothing changes). An operation published but not declared, or declared but not published, fails the check:
 * a new endpoint must say who may call it.
 */
public final class AuthorizationMatrix {

    /** Declares a public operation: every caller is allowed. */
    public static final Set<String> ANYONE = Set.of("*");

    /**
     * Declares an operation that takes no token but authenticates its caller otherwise (a payment provider's webhook
     * with its HMAC signature): every caller, with or without a token, gets 401 when it sends no such credential, as
     * the matrix's calls do. A token must neither let a caller in nor make it a 403.
     */
    public static final Set<String> SIGNED = Set.of("signed");

    /** How long an answer may take before it is taken for an open event stream. */
    private static final int STREAM_TIMEOUT_MILLIS = 5_000;

    private final Map<String, Set<String>> allowed = new LinkedHashMap<>();
    private final String audience;

    /** A matrix for the service whose tokens carry {@code audience} (its {@code quarkus.oidc.token.audience}). */
    public AuthorizationMatrix(String audience) {
        this.audience = audience;
    }

    /** {@code operation} ("GET /api/x/v1/things/{id}") may be called by {@code callers}. */
    public AuthorizationMatrix allow(String operation, Set<String> callers) {
        allowed.put(operation, callers);
        return this;
    }

    /** The request body type the operation declares (JSON if it takes JSON), null for none. */
    @SuppressWarnings("unchecked")
    private static String mediaTypeOf(Map<String, Map<String, Object>> paths, String operation) {
        String method = operation.substring(0, operation.indexOf(' ')).toLowerCase();
        Map<String, Object> op = (Map<String, Object>) paths.get(operation.substring(operation.indexOf(' ') + 1))
                .get(method);
        Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
        if (body == null || !(body.get("content") instanceof Map<?, ?> content) || content.isEmpty()) {
            return method.equals("get") || method.equals("delete") ? null : "application/json";
        }
        return content.containsKey("application/json") ? "application/json"
                : (String) content.keySet().iterator().next();
    }

    /**
     * The answer's status; an answer still streaming after the time-out (an event stream the caller was let into)
     * counts as 200.
     */
    private static int statusOf(RequestSpecification request, String method, String path) {
        try {
            return request.config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", STREAM_TIMEOUT_MILLIS))).request(method, path).statusCode();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.net.SocketTimeoutException) {
                    return 200;
                }
            }
            throw e;
        }
    }

    /** Checks every published operation with every caller of {@code tokens} (caller → token, null = anonymous). */
    public void check(Map<String, String> tokens) {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        Set<String> published = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> published.add(m.toUpperCase() + " " + path)));
        assertEquals(new TreeSet<>(allowed.keySet()), published,
                "every published operation says who may call it, and nothing declared is unpublished");

        List<String> wrong = new ArrayList<>();
        // Which callers hold a token issued for this service, read once per caller rather than per operation.
        Set<String> forThisService = new HashSet<>();
        tokens.forEach((caller, token) -> {
            if (token != null && Tokens.audiencesOf(token).contains(audience)) {
                forThisService.add(caller);
            }
        });
        for (String operation : published) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}",
                    UUID.randomUUID().toString());
            Set<String> callers = allowed.get(operation);
            new LinkedHashMap<>(tokens).forEach((caller, token) -> {
                RequestSpecification request = given().redirects().follow(false);
                if (token != null) {
                    request.auth().oauth2(token);
                }
                String type = mediaTypeOf(paths, operation);
                if (type != null) {
                    // A body of the type the operation takes, so that the caller, not the type, is what is judged.
                    request.contentType(type).body(type.contains("json") ? "{}".getBytes() : new byte[] {1, 2, 3});
                }
                int status = statusOf(request, method, path);
                boolean isAllowed = callers == ANYONE || callers.contains(caller) && forThisService.contains(caller);
                int expected = callers == SIGNED ? 401 : isAllowed ? 0 : forThisService.contains(caller) ? 403 : 401;
                if (expected == 0 ? status == 401 || status == 403 : status != expected) {
                    wrong.add(operation + " as " + caller + ": " + status + " (expected "
                            + (expected == 0 ? "neither 401 nor 403" : expected) + ")");
                }
            });
        }
        assertEquals(List.of(), wrong);
    }
}
