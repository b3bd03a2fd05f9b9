package kr.civilportal.emergency.receipt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The reporter's receipt token (접수 확인 토큰): 256 random bits, base64url. It is the reporter's only key to
 * their report (no login), so only its SHA-256 is stored: a leaked table does not let anyone follow reports.
 */
public final class ReceiptToken {

    public static final String HEADER = "Receipt-Token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptToken() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time, so the answer time tells nothing about how much of a guess was right. */
    public static boolean matches(String token, byte[] storedHash) {
        return token != null && storedHash != null && MessageDigest.isEqual(hash(token), storedHash);
    }
}
