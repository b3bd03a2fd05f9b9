package kr.civilportal.common.idempotency;

import java.util.Arrays;
import java.util.Objects;

/**
 * The first answer to a keyed request, as replayed to every repeat: status, content type, {@code Location}
 * (if any) and the body bytes exactly as first sent.
 */
public record StoredResponse(int status, String contentType, String location, byte[] body) {

    public StoredResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
        Objects.requireNonNull(body, "body");
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
