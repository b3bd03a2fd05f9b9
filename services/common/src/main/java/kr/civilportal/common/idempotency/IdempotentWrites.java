package kr.civilportal.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a service's writes honour the {@code Idempotency-Key}: the {@link IdempotencyStore} of its database, and
 * the same JSON mapper the service answers with, so that a stored answer is byte for byte what the first client
 * got. Like the store it is not a bean (the gateway depends on common and has no such database): a service
 * produces one next to its store.
 *
 * <p>A keyed call must run inside the transaction of the business write (a {@code @Transactional} resource or
 * service method): the stored answer then commits with the rows it reports, or neither does. Without a key the
 * write simply runs, so the header stays optional for clients that do not send one.
 */
public final class IdempotentWrites {

    private static final byte[] NO_BODY = new byte[0];

    private final IdempotencyStore store;
    private final ObjectMapper json;

    public IdempotentWrites(IdempotencyStore store, ObjectMapper json) {
        this.store = Objects.requireNonNull(store, "store");
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * A write of a caller in {@code scope}, keyed by {@code keyHeader} (may be absent). The fingerprint covers the
     * method, the path and the body: the parsed request written back as JSON (so whitespace and property order do
     * not make another request), raw bytes as they are (a photo), nothing for a write without a body.
     */
    public KeyedRequest request(String scope, String keyHeader, String method, String path, Object body) {
        return KeyedRequest.of(scope, keyHeader, RequestFingerprint.of(method, path, bytesOf(body)));
    }

    /** Runs {@code action} once per key, see {@link IdempotencyStore#execute}; without a key it just runs. */
    public IdempotentResponse execute(KeyedRequest request, InProgressPolicy policy, Supplier<StoredResponse> action) {
        if (request.key().isEmpty()) {
            return new IdempotentResponse(Objects.requireNonNull(action.get(), "the action's response"), false);
        }
        return store.execute(request.scope(), request.key().get(), request.fingerprint(), policy, action);
    }

    /** {@link #execute} with the draft's default (a repeat while the first runs gets 409), as an HTTP answer. */
    public Response once(KeyedRequest request, Supplier<StoredResponse> action) {
        return execute(request, InProgressPolicy.REJECT, action).toResponse();
    }

    /** An answer with {@code body} as JSON, and a {@code Location} when {@code location} is not null. */
    public StoredResponse json(int status, URI location, Object body) {
        return new StoredResponse(status, MediaType.APPLICATION_JSON, location == null ? null : location.toString(),
                bytesOf(body));
    }

    /** {@code body} as the service writes it in a response. */
    public <T> T read(StoredResponse response, Class<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A stored answer could not be read back", e);
        }
    }

    private byte[] bytesOf(Object body) {
        if (body == null) {
            return NO_BODY;
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A body could not be written as JSON", e);
        }
    }
}
