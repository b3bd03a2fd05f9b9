package kr.civilportal.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which paths the token lane may take: only those the catch-all rule for logged-in callers alone governs. */
class PermissionTableTest {

    /** The gateway's own rules, as shipped (profile-less keys of application.properties). */
    static Map<String, String> shippedRules() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = PermissionTableTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        Map<String, String> rules = new HashMap<>();
        properties.stringPropertyNames().stream().filter(k -> k.startsWith(PermissionTable.PREFIX))
                .forEach(k -> rules.put(k, properties.getProperty(k)));
        return rules;
    }

    @Test
    void theShippedTableKeepsEveryPublicAndDeniedPathOffTheLane() throws Exception {
        PermissionTable table = PermissionTable.of(shippedRules(), "api");
        assertEquals(java.util.Optional.empty(), table.notUsable());
        for (String path : List.of("/api/land/v1/parcels/1111010100100010000", "/api/residency/v1/me",
                "/api/passport/v1/applications", "/api/emergency/v1/dispatch/board")) {
            assertTrue(table.onlyTheCatchAll(path), path);
        }
        for (String path : List.of(
                "/api/residency/v1/identity", "/api/residency/v1/identity/5e0b7a52", // denied to everyone
                "/api/emergency/v1/reports", "/api/emergency/v1/receipts/r1", "/api/emergency/v1/relay/x", // public
                "/api/residency/v1/verifications/abc", "/api/residency/v1/verifications",
                "/api/land/v1/extracts/e1", "/api/land/v1/extracts", "/api/land/v1/extract-verifications",
                "/api/passport/v1/payment-notifications", "/api/land/openapi.json", "/api/status",
                "/api/waiting-room/passport", "/status", "/q/metrics", "/admin")) {
            assertFalse(table.onlyTheCatchAll(path), path);
        }
    }

    @Test
    void unusualSpellingsOfAPathAreLeftToQuarkus() throws Exception {
        PermissionTable table = PermissionTable.of(shippedRules(), "api");
        for (String path : List.of("/api/residency/v1/./identity/x", "/api/residency/v1/me/../identity/x",
                "/api/residency//v1/identity/x", "/api/residency/v1/%69dentity/x", "/api/residency/v1;a=b/identity/x",
                "/api/residency/v1\\identity", "/api/land/v1/parcels/..", "/api/land/v1/parcels/.",
                "/api/land/v1/parcels/\u3131")) {
            assertFalse(table.onlyTheCatchAll(path), path);
        }
    }

    @Test
    void withoutAPlainCatchAllRuleNothingTakesTheLane() throws Exception {
        Map<String, String> rules = shippedRules();
        assertTrue(PermissionTable.of(rules, "no-such-rule").notUsable().isPresent());

        Map<String, String> roles = new HashMap<>(rules);
        roles.put("quarkus.http.auth.permission.api.policy", "officials");
        assertTrue(PermissionTable.of(roles, "api").notUsable().isPresent());

        Map<String, String> methods = new HashMap<>(rules);
        methods.put("quarkus.http.auth.permission.api.methods", "GET");
        assertTrue(PermissionTable.of(methods, "api").notUsable().isPresent());

        Map<String, String> everything = new HashMap<>(rules);
        everything.put("quarkus.http.auth.permission.closed.paths", "/*");
        everything.put("quarkus.http.auth.permission.closed.policy", "deny");
        PermissionTable closed = PermissionTable.of(everything, "api");
        assertTrue(closed.notUsable().isPresent());
        assertFalse(closed.onlyTheCatchAll("/api/land/v1/parcels/1"));
    }

    @Test
    void aRuleWithAWildcardInsideKeepsEverythingUnderItsLiteralStartOffTheLane() throws Exception {
        Map<String, String> rules = new HashMap<>(shippedRules());
        rules.put("quarkus.http.auth.permission.officials.paths", "/api/land/*/owners");
        rules.put("quarkus.http.auth.permission.officials.policy", "officials");
        PermissionTable table = PermissionTable.of(rules, "api");
        assertFalse(table.onlyTheCatchAll("/api/land/v1/owners"));
        assertFalse(table.onlyTheCatchAll("/api/land/v1/parcels/1"));
        assertTrue(table.onlyTheCatchAll("/api/residency/v1/me"));
    }
}
