package kr.civilportal.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.keycloak.client.KeycloakTestClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Real access tokens for the demo users (password = user name) from Keycloak, through Quarkus'
 * {@link KeycloakTestClient} and the dev-only {@code portal-test} client's direct access grant. Cached per user until
 * shortly before they expire. Works from a token endpoint given explicitly too, so plain JUnit tests (system and
 * browser tests, no Quarkus configuration) take tokens from the portal they run against.
 */
public final class Tokens {

    /** The dev realm's public client that allows direct access grants for the demo users. */
    private static final String TEST_CLIENT = "portal-test";
    /** A token endpoint is the realm's URL (what KeycloakTestClient takes) followed by this path. */
    private static final String TOKEN_PATH = "/protocol/openid-connect/token";
    /** Public clients have no secret: KeycloakTestClient then sends none. */
    private static final String NO_SECRET = null;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** An access token of a demo user from the Keycloak that {@link KeycloakResource} started. */
    public static String of(String user) {
        return of(startedKeycloak(), user);
    }

    /** An access token of a demo user from the given token endpoint (system tests pass the portal's). */
    public static String of(String tokenEndpoint, String user) {
        return viaClient(tokenEndpoint, TEST_CLIENT, user);
    }

    /**
     * An access token of a demo user issued to another public client of the dev realm (direct access grant), e.g.
     * {@code another-app}, whose tokens carry no portal audience.
     */
    public static String ofUserVia(String clientId, String user) {
        return viaClient(startedKeycloak(), clientId, user);
    }

    /** The token endpoint of the Keycloak that {@link KeycloakResource} started. */
    private static String startedKeycloak() {
        String endpoint = System.getProperty(KeycloakResource.TOKEN_ENDPOINT_PROPERTY);
        if (endpoint == null) {
            throw new IllegalStateException("No Keycloak started: add KeycloakResource as a test resource");
        }
        return endpoint;
    }

    private static String viaClient(String tokenEndpoint, String clientId, String user) {
        return kept(tokenEndpoint, clientId + ":" + user, keycloak -> keycloak.getAccessToken(user, user, clientId, NO_SECRET));
    }

    /**
     * A new sign-in of a demo user, never one kept from earlier: after Keycloak restarted or rotated its keys, a
     * kept token is signed by a key it no longer has.
     */
    public static String signIn(String tokenEndpoint, String user) {
        return fresh(tokenEndpoint, TEST_CLIENT + ":" + user,
                keycloak -> keycloak.getAccessToken(user, user, TEST_CLIENT, NO_SECRET));
    }

    /** The {@code kid} of a JWT's header: which of the realm's keys signed it. */
    public static String keyIdOf(String token) {
        return part(token, 0).path("kid").asText();
    }

    /** An access token of a confidential client itself (client credentials grant), e.g. a service account. */
    public static String ofClient(String clientId, String secret) {
        return ofClient(startedKeycloak(), clientId, secret);
    }

    /** As {@link #ofClient(String, String)}, from the given token endpoint. */
    public static String ofClient(String tokenEndpoint, String clientId, String secret) {
        return kept(tokenEndpoint, "client:" + clientId, keycloak -> keycloak.getClientAccessToken(clientId, secret));
    }

    private static String kept(String tokenEndpoint, String who, Function<KeycloakTestClient, String> grant) {
        Cached cached = CACHE.get(tokenEndpoint + "|" + who);
        if (cached != null && Instant.now().isBefore(cached.expires())) {
            return cached.token();
        }
        return fresh(tokenEndpoint, who, grant);
    }

    private static String fresh(String tokenEndpoint, String who, Function<KeycloakTestClient, String> grant) {
        if (!tokenEndpoint.endsWith(TOKEN_PATH)) {
            throw new IllegalArgumentException("Not a Keycloak token endpoint: " + tokenEndpoint);
        }
        String realm = tokenEndpoint.substring(0, tokenEndpoint.length() - TOKEN_PATH.length());
        String token = grant.apply(new KeycloakTestClient(realm));
        if (token == null) {
            // KeycloakTestClient reads a refusal's error body as a token response without a token.
            throw new IllegalStateException("Keycloak at " + tokenEndpoint + " refused a token for " + who);
        }
        Instant expires = Instant.ofEpochSecond(part(token, 1).path("exp").asLong()).minus(EXPIRY_MARGIN);
        CACHE.put(tokenEndpoint + "|" + who, new Cached(token, expires));
        return token;
    }

    /** The {@code aud} claim of a JWT, read without checking it (the services check it; tests predict with it). */
    public static Set<String> audiencesOf(String token) {
        JsonNode aud = part(token, 1).path("aud");
        Set<String> audiences = new TreeSet<>();
        if (aud.isArray()) {
            aud.forEach(a -> audiences.add(a.asText()));
        } else if (aud.isTextual()) {
            audiences.add(aud.asText());
        }
        return audiences;
    }

    /** A JWT's header (0) or claims (1), read without checking the signature. */
    private static JsonNode part(String token, int index) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a JWT", e);
        }
    }

    private record Cached(String token, Instant expires) {
    }
}
