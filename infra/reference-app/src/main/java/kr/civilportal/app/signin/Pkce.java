package kr.civilportal.app.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636), method S256, which the realm demands of {@code portal-mobile}: the app
 * keeps a random verifier and sends only its hash with the authorization request, so a code intercepted on its
 * way back to the app is useless to anyone else.
 */
public record Pkce(String verifier, String challenge) {

    /** 32 random bytes: a 43-character verifier, the shortest RFC 7636 allows and as strong as it needs. */
    private static final int VERIFIER_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    public static final String METHOD = "S256";

    public static Pkce generate() {
        return of(randomUrlSafe(VERIFIER_BYTES));
    }

    public static Pkce of(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new Pkce(verifier, URL_SAFE.encodeToString(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Random bytes as base64url without padding, for the verifier and the {@code state}. */
    static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return URL_SAFE.encodeToString(random);
    }
}
