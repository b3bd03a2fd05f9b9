package kr.civilportal.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.testsupport.Tokens;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal keeps serving through an identity-provider outage, restarts included. Keycloak is stopped;
 * then each of the four services and the gateway is restarted in turn (as after a crash, a deploy or a scale-out),
 * and after each restart citizens and a dispatcher with valid tokens get no failure from any service, through the
 * gateway, while a forged or an expired token gets 401 problem+json, at the gateway and at the restarted service
 * itself. Keycloak started again (the launcher imports the realm afresh: new signing keys): a new sign-in works at
 * once, and a key rotated while it runs is used by every app, and reaches the kept keys, without a restart.
 */
class IdentityProviderOutageSystemTest {

    /** Clear of the other system tests' and benchmarks' offsets (see the README); ports stay below 32768. */
    static final int PORT_OFFSET = 6_500;
    /** Requests per service after each restart: enough to reach every replica, few enough for a 2-core machine. */
    static final int REQUESTS_PER_SERVICE = 10;
    /** The kept keys are fetched this often here (5 minutes by default), so the test sees a rotation reach them. */
    static final String REFRESH_INTERVAL = "5S";
    static final Duration KEPT_KEYS_TIMEOUT = Duration.ofSeconds(90);
    static final List<PortalApp> RESTARTED_IN_TURN = List.of(PortalApp.RESIDENCY, PortalApp.PASSPORT,
            PortalApp.LAND_REGISTRY, PortalApp.EMERGENCY_REPORT, PortalApp.GATEWAY);
    static final ObjectMapper JSON = new ObjectMapper();

    static Portal portal;
    static PortalOptions options;
    static String gateway;

    @BeforeAll
    static void startPortal() throws Exception {
        Path work = Files.createDirectories(Path.of("target/identity-provider-outage-system-test").toAbsolutePath());
        PortalOptions configured = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work).withoutWebApps()
                .withoutPaymentProvider();
        for (PortalApp app : RESTARTED_IN_TURN) {
            configured = configured.withAppConfig(app, "portal.identity.realm-keys.refresh-interval", REFRESH_INTERVAL);
        }
        options = configured;
        // Left from an earlier run, the kept keys would be another Keycloak's.
        Files.deleteIfExists(options.realmKeysFile());
        portal = Portal.start(options, line -> System.out.println("[portal] " + line));
        gateway = options.gatewayUrl();
    }

    @AfterAll
    static void stopPortal() {
        if (portal != null) {
            portal.close();
        }
    }

    /** A signed-in read of each service, as its users make it, through the gateway. */
    record Probe(String service, String user, String path) {
    }

    static final List<Probe> PROBES = List.of(
            new Probe("residency", "citizen", "/api/residency/v1/me"),
            new Probe("passport", "citizen", "/api/passport/v1/applications/mine"),
            new Probe("land-registry", "citizen", "/api/land/v1/parcels/1111010100100010000"),
            new Probe("emergency-report", "dispatcher", "/api/emergency/v1/reports"));

    @Test
    void signedInCitizensAreServedThroughAnOutageWithEveryAppRestartedAndSignInResumesAfter() throws Exception {
        String tokenEndpoint = portal.keycloak().tokenEndpoint();
        Map<String, String> tokens = signIn(tokenEndpoint);
        String realmKey = Tokens.keyIdOf(tokens.get("citizen"));
        awaitTrue("the realm key kept in " + options.realmKeysFile(), KEPT_KEYS_TIMEOUT, () -> keptKeyIds().contains(realmKey));
        assertEquals(0, failures(tokens), "before the outage");
        String expired = expiredToken(tokenEndpoint);

        portal.stopKeycloak();
        for (PortalApp app : RESTARTED_IN_TURN) {
            portal.restart(app);
            String ready = portal.replicas(app).get(0).url() + "/q/health/ready";
            given().when().get(ready).then().statusCode(200)
                    .body("checks.find { it.name == 'identity-provider' }.data.tokens",
                            startsWith("checked with the"));
            assertEquals(0, failures(tokens), "citizens with valid tokens, after " + app.id() + " restarted");
            if (app != PortalApp.GATEWAY) {
                // The operators' status says how each replica checks tokens (from its readiness detail).
                String admin = tokens.get("admin");
                awaitTrue("the gateway's status of " + app.id(), KEPT_KEYS_TIMEOUT, () -> given().auth().oauth2(admin)
                        .when().get(gateway + "/api/status/replicas").then().statusCode(200).extract()
                        .jsonPath().getString("find { it.service == '" + app.id() + "' }.tokens")
                        .startsWith("checked with the"));
            }

            String forged = forged(tokens.get("citizen"), realmKey);
            String target = app == PortalApp.GATEWAY ? gateway : portal.replicas(app).get(0).url();
            String path = app == PortalApp.GATEWAY ? PROBES.get(0).path() : probeOf(app).path();
            for (String refused : List.of(forged, forged(tokens.get("citizen"), "made-up-key"), expired)) {
                given().auth().oauth2(refused).when().get(target + path)
                        .then().statusCode(401);
                given().auth().oauth2(refused).when().get(gateway + path)
                        .then().statusCode(401).contentType(containsString("application/problem+json"));
            }
            System.out.printf("[idp-outage] %s restarted with Keycloak down: %d signed-in requests, 0 failed; "
                    + "forged and expired tokens 401%n", app.id(), REQUESTS_PER_SERVICE * PROBES.size());
        }

        Instant keycloakStarting = Instant.now();
        portal.startKeycloak();
        Map<String, String> signedInAgain = signIn(tokenEndpoint);
        assertNotEquals(realmKey, Tokens.keyIdOf(signedInAgain.get("citizen")), "a new Keycloak, new keys");
        assertEquals(0, failures(signedInAgain), "new sign-ins, at once after Keycloak is back");
        System.out.printf("[idp-outage] Keycloak back after %d s; new sign-ins served at once%n",
                Duration.between(keycloakStarting, Instant.now()).toSeconds());

        String rotated = rotateRealmKey();
        Map<String, String> afterRotation = signIn(tokenEndpoint);
        assertEquals(rotated, Tokens.keyIdOf(afterRotation.get("citizen")), "new tokens are signed with the new key");
        assertEquals(0, failures(afterRotation), "tokens signed with the rotated key, no app restarted");
        awaitTrue("the rotated key kept in " + options.realmKeysFile(), KEPT_KEYS_TIMEOUT,
                () -> keptKeyIds().contains(rotated));

        // Tokens of the Keycloak that is gone are void now: its keys are no longer the realm's.
        given().auth().oauth2(tokens.get("citizen")).when().get(gateway + PROBES.get(0).path())
                .then().statusCode(401);
    }

    static Probe probeOf(PortalApp app) {
        return PROBES.stream().filter(p -> p.service().equals(app.id())).findFirst().orElseThrow();
    }

    static Map<String, String> signIn(String tokenEndpoint) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (Probe probe : PROBES) {
            tokens.computeIfAbsent(probe.user(), user -> Tokens.signIn(tokenEndpoint, user));
        }
        tokens.put("admin", Tokens.signIn(tokenEndpoint, "admin"));
        return tokens;
    }

    /** Every probe, {@link #REQUESTS_PER_SERVICE} times: the count of answers other than 200, each printed. */
    static int failures(Map<String, String> tokens) {
        List<String> failed = new ArrayList<>();
        for (Probe probe : PROBES) {
            for (int i = 0; i < REQUESTS_PER_SERVICE; i++) {
                var answer = given().auth().oauth2(tokens.get(probe.user())).when().get(gateway + probe.path());
                if (answer.statusCode() != 200) {
                    failed.add(probe.service() + " " + answer.statusCode() + " " + answer.body().asString());
                }
            }
        }
        failed.stream().limit(5).forEach(f -> System.out.println("[idp-outage] failed: " + f));
        return failed.size();
    }

    /** The same claims, signed by a key that is not the realm's, under the given key id. */
    static String forged(String token, String kid) throws Exception {
        RsaJsonWebKey someoneElses = RsaJwkGenerator.generateJwk(2048);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(kid);
        jws.setKey(someoneElses.getPrivateKey());
        return jws.getCompactSerialization();
    }

    /**
     * A token the realm really signed that has expired: issued while the realm's access tokens lived 5 seconds,
     * then the realm set back. By the time it is used (after restarts of minutes) it is long expired; checked.
     */
    static String expiredToken(String tokenEndpoint) throws Exception {
        String admin = adminToken();
        String realm = portal.keycloak().url() + "/admin/realms/portal";
        int lifespan = given().auth().oauth2(admin).when().get(realm).then().statusCode(200)
                .extract().path("accessTokenLifespan");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"accessTokenLifespan\":5}")
                .when().put(realm).then().statusCode(204);
        try {
            String token = Tokens.signIn(tokenEndpoint, "citizen");
            long expires = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("exp").asLong();
            assertTrue(expires <= Instant.now().plusSeconds(5).getEpochSecond(), "a 5-second token");
            return token;
        } finally {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"accessTokenLifespan\":" + lifespan + "}")
                    .when().put(realm).then().statusCode(204);
        }
    }

    /** Adds a realm signing key of higher priority, as an operator rotates: new tokens are signed with it. */
    static String rotateRealmKey() {
        String admin = adminToken();
        String realm = portal.keycloak().url() + "/admin/realms/portal";
        String realmId = given().auth().oauth2(admin).when().get(realm).then().statusCode(200).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "rotated-" + Instant.now().getEpochSecond(), "providerId", "rsa-generated",
                        "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                        "config", Map.of("priority", List.of("1000"), "enabled", List.of("true"),
                                "active", List.of("true"), "algorithm", List.of("RS256"))))
                .when().post(realm + "/components").then().statusCode(201);
        JsonNode keys = given().auth().oauth2(admin).when().get(realm + "/keys").then().statusCode(200)
                .extract().as(JsonNode.class);
        return keys.path("active").path("RS256").asText();
    }

    static String adminToken() {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .when().post(portal.keycloak().url() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static List<String> keptKeyIds() {
        try {
            if (!Files.exists(options.realmKeysFile())) {
                return List.of();
            }
            List<String> kids = new ArrayList<>();
            JSON.readTree(Files.readString(options.realmKeysFile())).path("keys")
                    .forEach(key -> kids.add(key.path("kid").asText()));
            return kids;
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    static void awaitTrue(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not seen within " + limit + ": " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
