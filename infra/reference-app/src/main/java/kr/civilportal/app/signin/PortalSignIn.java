package kr.civilportal.app.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Signing a citizen in as a native app does (RFC 8252): the authorization-code flow of the public client
 * {@code portal-mobile} with PKCE S256, the answer received on a loopback address the app listens on
 * ({@code http://127.0.0.1:<any port>/callback}, which the realm allows), the code exchanged for tokens, and the
 * access token refreshed before it runs out. The citizen types their password into Keycloak's own page in a
 * browser, never into the app.
 *
 * <p>Use: {@link #begin}, open {@link #authorizationUri()} in the browser, then {@link #awaitSignIn}.
 */
public final class PortalSignIn implements AutoCloseable {

    public static final String CLIENT_ID = "portal-mobile";
    private static final String CALLBACK = "/callback";
    private static final int STATE_BYTES = 16;
    private static final String AUTHORIZATION_PATH = "/protocol/openid-connect/auth";

    private final URI realm;
    private final Pkce pkce = Pkce.generate();
    private final String state = Pkce.randomUrlSafe(STATE_BYTES);
    private final HttpServer loopback;
    private final CompletableFuture<String> code = new CompletableFuture<>();

    private PortalSignIn(URI realm) throws IOException {
        this.realm = realm;
        loopback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        loopback.createContext(CALLBACK, this::answer);
        loopback.start();
    }

    /**
     * Starts a sign-in against the realm at {@code realm} (e.g. {@code http://localhost:8180/realms/portal}, the
     * address in the published documents' security scheme): listens on a free loopback port for the answer.
     */
    public static PortalSignIn begin(URI realm) throws IOException {
        return new PortalSignIn(realm);
    }

    public URI redirectUri() {
        return URI.create("http://127.0.0.1:" + loopback.getAddress().getPort() + CALLBACK);
    }

    /**
     * The realm an app signs in with, as the portal's published API document says: its oauth2 scheme's
     * authorization URL ({@code <realm>/protocol/openid-connect/auth}), so an app needs only the portal's address.
     */
    public static URI realmOf(String gateway) throws IOException, InterruptedException {
        URI document = URI.create(gateway + "/api/residency/openapi.json");
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(document).timeout(TOKEN_REQUEST_TIMEOUT).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException(document + " answered " + answer.statusCode());
        }
        for (JsonNode scheme : JSON.readTree(answer.body()).path("components").path("securitySchemes")) {
            String authorization = scheme.path("flows").path("authorizationCode").path("authorizationUrl").asText("");
            if (authorization.endsWith(AUTHORIZATION_PATH)) {
                return URI.create(authorization.substring(0, authorization.length() - AUTHORIZATION_PATH.length()));
            }
        }
        throw new IOException(document + " names no authorization-code sign-in");
    }

    /** The page the citizen signs in on. */
    public URI authorizationUri() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", CLIENT_ID);
        query.put("redirect_uri", redirectUri().toString());
        query.put("scope", "openid");
        query.put("state", state);
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", Pkce.METHOD);
        return URI.create(realm + AUTHORIZATION_PATH + "?" + form(query));
    }

    /** Waits for the browser to come back with a code, and exchanges it for the citizen's tokens. */
    public SignedIn awaitSignIn(Duration timeout) throws IOException, InterruptedException {
        String authorizationCode;
        try {
            authorizationCode = code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("No sign-in within " + timeout, e);
        } catch (ExecutionException e) {
            throw new IOException("Sign-in failed: " + e.getCause().getMessage(), e.getCause());
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", CLIENT_ID);
        exchange.put("code", authorizationCode);
        exchange.put("redirect_uri", redirectUri().toString());
        exchange.put("code_verifier", pkce.verifier());
        return new SignedIn(tokenEndpoint(), tokens(tokenEndpoint(), exchange));
    }

    private URI tokenEndpoint() {
        return URI.create(realm + "/protocol/openid-connect/token");
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        if (!state.equals(query.get("state"))) {
            // Not the answer to our request (a forged or stale redirect): ignored, the sign-in goes on waiting.
            send(exchange, 400, "This sign-in was not started here.");
        } else if (query.containsKey("error")) {
            code.completeExceptionally(new IOException(query.get("error") + ": " + query.get("error_description")));
            send(exchange, 200, "Sign-in failed. You can close this window. (로그인하지 못했습니다)");
        } else {
            code.complete(query.get("code"));
            send(exchange, 200, "Signed in. You can close this window and return to the app. (로그인되었습니다)");
        }
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = ("<!doctype html><html lang=\"ko\"><meta charset=\"utf-8\"><title>Civil petition portal</title>"
                + "<p>" + text + "</p></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        loopback.stop(0);
    }

    /** The citizen's tokens; {@link #accessToken()} refreshes them shortly before the access token runs out. */
    public static final class SignedIn {
        /** Refresh this long before expiry, so a request never leaves with a token that dies on the way. */
        private static final Duration EARLY = Duration.ofSeconds(30);

        private final URI tokenEndpoint;
        private JsonNode tokens;
        private Instant expires;

        private SignedIn(URI tokenEndpoint, JsonNode tokens) {
            this.tokenEndpoint = tokenEndpoint;
            take(tokens);
        }

        public synchronized String accessToken() throws IOException, InterruptedException {
            if (Instant.now().isAfter(expires.minus(EARLY))) {
                refresh();
            }
            return tokens.path("access_token").asText();
        }

        /** Trades the refresh token for new tokens (a new access token and, as Keycloak rotates them, refresh token). */
        public synchronized void refresh() throws IOException, InterruptedException {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "refresh_token");
            form.put("client_id", CLIENT_ID);
            form.put("refresh_token", tokens.path("refresh_token").asText());
            take(tokens(tokenEndpoint, form));
        }

        private void take(JsonNode fresh) {
            tokens = fresh;
            expires = Instant.now().plusSeconds(fresh.path("expires_in").asLong());
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static JsonNode tokens(URI tokenEndpoint, Map<String, String> form) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(tokenEndpoint).timeout(TOKEN_REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(answer.body());
        if (answer.statusCode() != 200 || !body.hasNonNull("access_token")) {
            throw new IOException("The token endpoint answered " + answer.statusCode() + ": "
                    + body.path("error").asText() + " " + body.path("error_description").asText());
        }
        return body;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }
}
