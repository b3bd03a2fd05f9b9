package kr.civilportal.testsupport.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real HTTP server in the provider's place for a consumer's contract test: the consumer's real REST client
 * talks to it over HTTP, it answers what the test says the provider answers, and it keeps what the client sent,
 * so the contract holds the client's actual request rather than a description of it.
 */
public final class ProviderStandIn implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private static final String BEARER = "Bearer ";
    private static final String SERVICE_ACCOUNT = "service-account-";
    private static final String[] NEGOTIATION_HEADERS = {"Accept", "Content-Type"};

    private final HttpServer server;
    private final String[] recordedHeaders;
    private volatile Contract.Response answer;
    private volatile Contract.Request received;

    private ProviderStandIn(HttpServer server, String[] recordedHeaders) {
        this.server = server;
        this.recordedHeaders = recordedHeaders;
    }

    /** Listens on a free loopback port. */
    public static ProviderStandIn start() {
        return start(new String[0]);
    }

    /**
     * As {@link #start()}, and keeps these request headers too (besides Accept and Content-Type), for a provider
     * that needs them to answer, e.g. a receipt token sent as a header: the replay then sends them as well.
     */
    public static ProviderStandIn start(String... recordedHeaders) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
            ProviderStandIn standIn = new ProviderStandIn(server, recordedHeaders.clone());
            server.createContext("/", standIn::handle);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://" + LOOPBACK + ":" + server.getAddress().getPort());
    }

    /** The answer to give to the next request; {@code body} is JSON text or null for none. */
    public void willAnswer(int status, String contentType, String body) {
        try {
            this.answer = new Contract.Response(status, contentType, body == null ? null : Contract.JSON.readTree(body));
            this.received = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last request and the answer it got, as one case of the contract. */
    public Contract.Interaction exchange(String description, String providerState) {
        if (received == null) {
            throw new AssertionError("The client sent nothing to the stand-in for: " + description);
        }
        return new Contract.Interaction(description, providerState, received, answer);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] sent = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new LinkedHashMap<>();
            for (String[] names : new String[][] {NEGOTIATION_HEADERS, recordedHeaders}) {
                for (String name : names) {
                    String value = exchange.getRequestHeaders().getFirst(name);
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
            }
            URI uri = exchange.getRequestURI();
            received = new Contract.Request(exchange.getRequestMethod(), uri.getPath(), query(uri.getRawQuery()),
                    caller(exchange.getRequestHeaders().getFirst("Authorization")), headers,
                    sent.length == 0 ? null : Contract.JSON.readTree(sent));
            Contract.Response response = answer;
            byte[] body = response.body() == null ? new byte[0]
                    : Contract.JSON.writeValueAsBytes(response.body());
            if (response.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", response.contentType());
            }
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new TreeMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    /** Who the bearer token names, read from its claims: the stand-in does not check signatures, the provider does. */
    private static String caller(String authorization) throws IOException {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return null;
        }
        String[] parts = authorization.substring(BEARER.length()).split("\\.");
        JsonNode claims = Contract.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        String username = claims.path("preferred_username").asText("");
        return username.startsWith(SERVICE_ACCOUNT) ? "client " + claims.path("azp").asText()
                : "user " + username;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
