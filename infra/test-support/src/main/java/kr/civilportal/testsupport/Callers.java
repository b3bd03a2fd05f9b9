package kr.civilportal.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every kind of caller a service's authorization matrix tries: none, each demo user of the dev realm, the
 * passport service's own client (client credentials: a token for residency only), and a citizen whose token was
 * issued to another application of the realm (no portal audience at all). Caller name → bearer token
 * ({@code null}: anonymous).
 */
public final class Callers {

    public static final String ANONYMOUS = "anonymous";
    public static final String PASSPORT_SERVICE = "passport-service";
    public static final String CITIZEN_VIA_ANOTHER_APP = "citizen-via-another-app";
    /** The dev realm's client standing for any other application of the realm (portal-realm.dev-overlay.json). */
    static final String ANOTHER_APP = "another-app";
    static final String PASSPORT_SERVICE_DEV_SECRET = "passport-service-dev-secret";
    static final List<String> DEMO_USERS = List.of("citizen", "citizen2", "residency-officer", "residency-officer2", "residency-officer3",
            "passport-officer", "passport-officer2", "passport-officer3", "land-officer", "land-officer2",
            "land-officer3", "dispatcher", "admin", "auditor",
            "supervisor");

    private Callers() {
    }

    public static Map<String, String> everyKind() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(ANONYMOUS, null);
        for (String user : DEMO_USERS) {
            tokens.put(user, Tokens.of(user));
        }
        tokens.put(PASSPORT_SERVICE, Tokens.ofClient(PASSPORT_SERVICE, PASSPORT_SERVICE_DEV_SECRET));
        tokens.put(CITIZEN_VIA_ANOTHER_APP, Tokens.ofUserVia(ANOTHER_APP, "citizen"));
        return tokens;
    }
}
