package kr.civilportal.common.idempotency;

/**
 * What {@link IdempotencyStore#execute} answers: the response to send, and whether it is a replay of an earlier
 * request's (send {@value #REPLAYED_HEADER}{@code : true} then, so a client can tell).
 */
public record IdempotentResponse(StoredResponse response, boolean replayed) {

    /** The header a replay carries (the name several public APIs use for the same purpose). */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
}
