package kr.civilportal.common.idempotency;

import java.util.Arrays;
import java.util.Objects;

/**
 * The first answer to a keyed request, as replayed to every repeat: status, content type, {@code Location}
 * (if any) and the body bytes exactly as first sent. An answer without a body (204) has an empty one.
 */
public record StoredResponse(int status, String contentType, String location, byte[] body) {

    private static final byte[] NONE = new byte[0];

    public StoredResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
        Objects.requireNonNull(body, "body");
    }

    /** An answer without a body, e.g. {@code 204 No Content}. */
    public static StoredResponse withoutBody(int status) {
        return new StoredResponse(status, null, null, NONE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredResponse other && status == other.status
                && Objects.equals(contentType, other.contentType) && Objects.equals(location, other.location)
                && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, location, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        // The body may carry personal data or a receipt token: never printed.
        return "StoredResponse[" + status + ", " + contentType + ", " + body.length + " bytes]";
    }
}
