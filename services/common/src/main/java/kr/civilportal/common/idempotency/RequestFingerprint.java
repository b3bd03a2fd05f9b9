package kr.civilportal.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What makes two keyed requests "the same request": method, path and body. Hex SHA-256 over
 * {@code METHOD \n path \n sha256(body)}, so that the stored fingerprint reveals nothing of the body.
 * Headers are left out on purpose: a phone's retry may carry a new trace id, date or token.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(String method, String path, byte[] body) {
        MessageDigest outer = sha256();
        outer.update(method.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        outer.update((byte) '\n');
        outer.update(path.getBytes(StandardCharsets.UTF_8));
        outer.update((byte) '\n');
        outer.update(sha256().digest(body == null ? new byte[0] : body));
        return HexFormat.of().formatHex(outer.digest());
    }

    /** For bodies read in parts (e.g. multipart files): a running body hash, fed in the order received. */
    public static MessageDigest bodyDigest() {
        return sha256();
    }

    /** As {@link #of}, with the body already hashed by {@link #bodyDigest()}. */
    public static String ofBodyHash(String method, String path, byte[] bodySha256) {
        MessageDigest outer = sha256();
        outer.update(method.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        outer.update((byte) '\n');
        outer.update(path.getBytes(StandardCharsets.UTF_8));
        outer.update((byte) '\n');
        outer.update(bodySha256);
        return HexFormat.of().formatHex(outer.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
