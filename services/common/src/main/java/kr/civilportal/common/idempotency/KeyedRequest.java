package kr.civilportal.common.idempotency;

import java.util.Objects;
import java.util.Optional;

/**
 * A write as its Idempotency-Key sees it: whose key it is ({@link IdempotencyScope}), the key if the client
 * sent one, and the {@link RequestFingerprint} that tells a retry from another request under the same key.
 */
public record KeyedRequest(String scope, Optional<IdempotencyKey> key, String fingerprint) {

    public KeyedRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /**
     * From the {@code Idempotency-Key} header as received: no header, no key (the write runs as an unkeyed one);
     * a malformed header is the client's mistake, a 400 ({@code idempotency-key-invalid}).
     */
    public static KeyedRequest of(String scope, String keyHeader, String fingerprint) {
        return new KeyedRequest(scope, IdempotencyProblems.keyFrom(keyHeader), fingerprint);
    }

    /** The same, for a write that is refused without a key (400 {@code idempotency-key-missing}). */
    public static KeyedRequest requiring(String scope, String keyHeader, String fingerprint) {
        KeyedRequest request = of(scope, keyHeader, fingerprint);
        if (request.key().isEmpty()) {
            throw IdempotencyProblems.missing();
        }
        return request;
    }
}
