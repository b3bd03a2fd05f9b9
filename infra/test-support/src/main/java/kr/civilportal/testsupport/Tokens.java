package kr.civilportal.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens for the demo users (password = user name) from Keycloak, through the dev-only
 * {@code portal-test} client's direct access grant. Cached per user until shortly before they expire.
 */
public final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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
        return viaClient(tokenEndpoint, "portal-test", user);
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
        return fetch(tokenEndpoint, clientId + ":" + user, "grant_type=password&client_id=" + enc(clientId)
                + "&username=" + enc(user) + "&password=" + enc(user), true);
    }

    /**
     * A new sign-in of a demo user, never one kept from earlier: after Keycloak restarted or rotated its keys, a
     * kept token is signed by a key it no longer has.
     */
    public static String signIn(String tokenEndpoint, String user) {
        return fetch(tokenEndpoint, "portal-test:" + user, "grant_type=password&client_id=portal-test&username="
                + enc(user) + "&password=" + enc(user), false);
    }

    /** The {@code kid} of a JWT's header: which of the realm's keys signed it. */
    public static String keyIdOf(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0])).path("kid").asText();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a JWT", e);
        }
    }

    /** An access token of a confidential client itself (client credentials grant), e.g. a service account. */
    public static String ofClient(String clientId, String secret) {
        return ofClient(startedKeycloak(), clientId, secret);
    }

    /** As {@link #ofClient(String, String)}, from the given token endpoint. */
    public static String ofClient(String tokenEndpoint, String clientId, String secret) {
        return fetch(tokenEndpoint, "client:" + clientId, "grant_type=client_credentials&client_id=" + enc(clientId)
                + "&client_secret=" + enc(secret), true);
    }

    private static String fetch(String tokenEndpoint, String who, String form, boolean kept) {
        Cached cached = CACHE.get(tokenEndpoint + "|" + who);
        if (kept && cached != null && Instant.now().isBefore(cached.expires())) {
            return cached.token();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + who + ": " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            String token = body.get("access_token").asText();
            Instant expires = Instant.now().plusSeconds(body.get("expires_in").asLong()).minus(EXPIRY_MARGIN);
            CACHE.put(tokenEndpoint + "|" + who, new Cached(token, expires));
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer at " + tokenEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code aud} claim of a JWT, read without checking it (the services check it; tests predict with it). */
    public static Set<String> audiencesOf(String token) {
        try {
            JsonNode aud = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("aud");
            Set<String> audiences = new TreeSet<>();
            if (aud.isArray()) {
                aud.forEach(a -> audiences.add(a.asText()));
            } else if (aud.isTextual()) {
                audiences.add(aud.asText());
            }
            return audiences;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a JWT", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private record Cached(String token, Instant expires) {
    }
}
