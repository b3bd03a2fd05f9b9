package kr.civilportal.common.idempotency;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * What {@link IdempotencyStore#execute} answers: the response to send, and whether it is a replay of an earlier
 * request's (send {@value #REPLAYED_HEADER}{@code : true} then, so a client can tell).
 */
public record IdempotentResponse(StoredResponse response, boolean replayed) {

    /** The header a replay carries (the name several public APIs use for the same purpose). */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /**
     * The HTTP answer: the stored status, {@code Location} and body (none for an empty one, e.g. a 204), with
     * {@value #REPLAYED_HEADER}{@code : true} on a replay.
     */
    public Response toResponse() {
        Response.ResponseBuilder b = Response.status(response.status());
        if (response.body().length > 0) {
            b.type(response.contentType()).entity(response.body());
        }
        if (response.location() != null) {
            b.location(URI.create(response.location()));
        }
        if (replayed) {
            b.header(REPLAYED_HEADER, "true");
        }
        return b.build();
    }
}
