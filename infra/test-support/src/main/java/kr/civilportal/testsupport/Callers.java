package kr.civilportal.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every kind of caller a service's authorization matrix tries: none, each demo user of the dev realm, and the
 * passport service's own client (client credentials). Caller name → bearer token ({@code null}: anonymous).
 */
public final class Callers {

    public static final String ANONYMOUS = "anonymous";
    public static final String PASSPORT_SERVICE = "passport-service";
    static final String PASSPORT_SERVICE_DEV_SECRET = "passport-service-dev-secret";
    static final List<String> DEMO_USERS = List.of("citizen", "citizen2", "residency-officer", "passport-officer",
            "land-officer", "dispatcher", "admin");

    private Callers() {
    }

    public static Map<String, String> everyKind() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(ANONYMOUS, null);
        for (String user : DEMO_USERS) {
            tokens.put(user, Tokens.of(user));
        }
        tokens.put(PASSPORT_SERVICE, Tokens.ofClient(PASSPORT_SERVICE, PASSPORT_SERVICE_DEV_SECRET));
        return tokens;
    }
}
