package kr.civilportal.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client's name in the shared store: HMAC-SHA256 of route and client (token subject or address), 128 bits,
 * base64url. Every replica derives the same key from the shared secret, so they agree on who is who; the store
 * never holds a subject or an address, and nobody without the secret can tell from a row whose it is (an address
 * could be guessed from an unkeyed hash: there are only 2^32 of them). Computed once per client and replica
 * (the limiter keeps it), not per request.
 */
final class ClientKeys {

    private static final int KEY_BYTES = 16;
    /** The derived key's purpose: the waiting room's ticket key is not used as it is for a second thing. */
    private static final String PURPOSE = "civilportal gateway rate-limit client key v1";

    private final SecretKeySpec key;

    ClientKeys(String sharedSecret) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(sharedSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                PURPOSE), "HmacSHA256");
    }

    /** The key function for one route's limiter. */
    UnaryOperator<String> forRoute(String route) {
        return client -> Base64.getUrlEncoder().withoutPadding()
                .encodeToString(java.util.Arrays.copyOf(hmac(key, route + "\n" + client), KEY_BYTES));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
