package kr.civilportal.common.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One write as a client that retries sends it: always under the same Idempotency-Key (a random UUID, made
 * here). {@link #twice()} sends it, sends it again as a retry after a lost answer would, and checks that the
 * retry got the first answer back, byte for byte. The caller then counts rows: the write must have happened once.
 */
public final class KeyedWrite {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final String KEY_REUSED = "urn:civilportal:problem:idempotency-key-reused";

    private final String key = UUID.randomUUID().toString();
    private final Method method;
    private final String path;
    private final Supplier<RequestSpecification> request;

    private KeyedWrite(Method method, String path, Supplier<RequestSpecification> request) {
        this.method = method;
        this.path = path;
        this.request = request;
    }

    /** {@code request} makes the request afresh each time (token, content type, body); the key is added here. */
    public static KeyedWrite of(Method method, String path, Supplier<RequestSpecification> request) {
        return new KeyedWrite(method, path, request);
    }

    public static KeyedWrite post(String path, Supplier<RequestSpecification> request) {
        return of(Method.POST, path, request);
    }

    public String key() {
        return key;
    }

    /** Sends the write once, under its key. */
    public Response send() {
        return request.get().header(KEY_HEADER, key).request(method, path);
    }

    /**
     * Sends the write and its retry; asserts the retry's answer is the first one (status, content type,
     * {@code Location}, body bytes) marked {@code Idempotent-Replayed: true}, and the first is not so marked.
     *
     * @return the first answer
     */
    public Response twice() {
        Response first = send();
        Response again = send();
        assertNull(first.header(REPLAYED_HEADER), "the first answer is not a replay");
        again.then().header(REPLAYED_HEADER, equalTo("true"));
        assertEquals(first.statusCode(), again.statusCode(), "the same status: " + again.asString());
        assertEquals(first.contentType(), again.contentType(), "the same content type");
        assertEquals(first.header("Location"), again.header("Location"), "the same Location");
        assertArrayEquals(first.asByteArray(), again.asByteArray(), "the same body, byte for byte");
        return first;
    }

    /**
     * Another request (other body, or the same write on another resource) under this write's key: refused with
     * 422 {@code idempotency-key-reused} as problem+json. The caller checks that it changed nothing.
     */
    public Response reusedFor(Method otherMethod, String otherPath, Supplier<RequestSpecification> other) {
        Response refused = other.get().header(KEY_HEADER, key).request(otherMethod, otherPath);
        refused.then().statusCode(422).contentType("application/problem+json").body("type", equalTo(KEY_REUSED));
        return refused;
    }

    /** {@link #reusedFor} with the same method and path, another body. */
    public Response reusedFor(Supplier<RequestSpecification> otherBody) {
        return reusedFor(method, path, otherBody);
    }
}
