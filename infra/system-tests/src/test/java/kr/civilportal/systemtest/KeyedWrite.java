package kr.civilportal.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One state-changing request with its own {@code Idempotency-Key}, kept as the exact bytes a phone would send, so
 * that the same request can go out several times to different doors: once cut off right after it was sent
 * (the answer lost, {@link RawHttp#sendAndHangUp}), and then as a retry that waits for its answer, straight to a
 * replica or through the gateway.
 *
 * @param bearer the caller's access token, or null for a write that needs no login (a 119 report)
 * @param contentType null for a write without a body
 * @param headers further headers, e.g. a 119 reporter's {@code Receipt-Token}
 */
record KeyedWrite(String method, String path, String bearer, String contentType, byte[] body, String key,
                  Map<String, String> headers) {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A write with a fresh random key, as an app makes one per user action and repeats it on every retry. */
    static KeyedWrite of(String method, String path, String bearer, String contentType, byte[] body) {
        return new KeyedWrite(method, path, bearer, contentType, body == null ? new byte[0] : body,
                UUID.randomUUID().toString(), Map.of());
    }

    static KeyedWrite json(String method, String path, String bearer, String json) {
        return of(method, path, bearer, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A write without a body (a decision, an acknowledgement, a cancellation). */
    static KeyedWrite empty(String method, String path, String bearer) {
        return of(method, path, bearer, null, null);
    }

    KeyedWrite withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new KeyedWrite(method, path, bearer, contentType, body, key, Map.copyOf(more));
    }

    /** Sends the whole request to {@code baseUrl} and cuts the connection at once, before any answer. */
    void sendAndHangUp(String baseUrl) throws IOException {
        RawHttp raw = new RawHttp(baseUrl);
        raw.sendAndHangUp(raw.head(method, path, body.length, headerLines()), body);
    }

    /**
     * Sends the whole request to {@code baseUrl} on a connection that is never read; closing what this returns
     * resets the connection, and the answer is lost unread.
     */
    RawHttp.HeldConnection sendAndHold(String baseUrl) throws IOException {
        RawHttp raw = new RawHttp(baseUrl);
        return raw.sendAndHold(raw.head(method, path, body.length, headerLines()), body);
    }

    /** Sends the same request to {@code baseUrl} and waits for its answer. */
    Reply send(String baseUrl, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header(IDEMPOTENCY_KEY, key);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue(REPLAYED).orElse(null),
                    response.headers().map(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + baseUrl + path + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private String[] headerLines() {
        List<String> lines = new ArrayList<>();
        lines.add(IDEMPOTENCY_KEY + ": " + key);
        if (bearer != null) {
            lines.add("Authorization: Bearer " + bearer);
        }
        if (contentType != null) {
            lines.add("Content-Type: " + contentType);
        }
        headers.forEach((name, value) -> lines.add(name + ": " + value));
        return lines.toArray(String[]::new);
    }

    /** An answer to a retry: its status, whether the service says it replays the first, headers and body. */
    record Reply(int status, String replayedHeader, Map<String, List<String>> headers, byte[] body) {

        boolean replayed() {
            return "true".equalsIgnoreCase(replayedHeader);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** For the printed table: "201 replayed", or "201 NOT replayed". */
        String summary() {
            return status + (replayed() ? " replayed" : " NOT replayed");
        }

        @Override
        public String toString() {
            String type = header("content-type");
            String shown = type != null && type.startsWith("application/pdf") ? "<PDF, " + body.length + " bytes>"
                    : text().length() > 300 ? text().substring(0, 300) + "…" : text();
            return status + " " + REPLAYED + "=" + replayedHeader + " " + type + " " + shown;
        }
    }
}
