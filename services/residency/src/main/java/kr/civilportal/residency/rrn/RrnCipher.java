package kr.civilportal.residency.rrn;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import kr.civilportal.common.crypto.AtRestCipher;

/**
 * Encrypts resident registration numbers at rest (the shared {@link AtRestCipher} under the residency's own key
 * ring) and derives the keyed hash (HMAC-SHA256) used to find a resident by number without decrypting every row.
 *
 * <p>The key id is stored beside each ciphertext, so keys can rotate: the active key encrypts, every configured
 * key decrypts. The record's id is bound in as associated data, so a ciphertext copied onto another resident's
 * row fails to decrypt.
 */
public final class RrnCipher {

    private static final int LOOKUP_KEY_BYTES = 32;

    private final AtRestCipher cipher;
    private final SecretKey lookupKey;

    public RrnCipher(String activeKeyId, Map<String, byte[]> keys, byte[] lookupKey) {
        this(new AtRestCipher(activeKeyId, keys), lookupKey);
    }

    private RrnCipher(AtRestCipher cipher, byte[] lookupKey) {
        if (lookupKey == null || lookupKey.length < LOOKUP_KEY_BYTES) {
            throw new IllegalArgumentException("The RRN look-up key must have at least 32 bytes");
        }
        this.cipher = cipher;
        this.lookupKey = new SecretKeySpec(lookupKey, "HmacSHA256");
    }

    /** Parses the configuration form: {@code keys} is {@code id:base64,id:base64}; keys are 32 bytes. */
    public static RrnCipher fromConfig(String activeKeyId, String keys, String lookupKey) {
        if (keys == null || keys.isBlank() || lookupKey == null || lookupKey.isBlank()) {
            throw new IllegalStateException("RRN encryption keys are not configured "
                    + "(portal.residency.rrn.keys, portal.residency.rrn.lookup-key)");
        }
        return new RrnCipher(AtRestCipher.fromConfig(activeKeyId, keys), Base64.getDecoder().decode(lookupKey.trim()));
    }

    /** The key new numbers are sealed under. */
    public String activeKeyId() {
        return cipher.activeKeyId();
    }

    public EncryptedRrn encrypt(ResidentRegistrationNumber rrn, String recordId) {
        AtRestCipher.Sealed sealed = cipher.seal(rrn.digits().getBytes(StandardCharsets.US_ASCII),
                associatedData(recordId));
        return new EncryptedRrn(sealed.keyId(), sealed.ivAndCiphertext(), lookupHash(rrn));
    }

    public ResidentRegistrationNumber decrypt(String keyId, byte[] ciphertext, String recordId) {
        byte[] plain = cipher.open(keyId, ciphertext, associatedData(recordId));
        return ResidentRegistrationNumber.parseStored(new String(plain, StandardCharsets.US_ASCII));
    }

    /** The same number always gives the same hash under one look-up key; the hash reveals nothing without it. */
    public byte[] lookupHash(ResidentRegistrationNumber rrn) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            return mac.doFinal(rrn.digits().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /**
     * The look-up hash as text, to stand for a number wherever a number must be compared but must not be kept,
     * e.g. in an Idempotency-Key's request fingerprint (a plain SHA-256 of a 13-digit number is easily reversed).
     */
    public String lookupToken(ResidentRegistrationNumber rrn) {
        return "hmac-sha256:" + Base64.getEncoder().encodeToString(lookupHash(rrn));
    }

    /**
     * The resident's id alone: every ciphertext already stored is bound to exactly these bytes, and the key ring
     * is the residency's own, used for nothing but this column.
     */
    private static byte[] associatedData(String recordId) {
        return recordId.getBytes(StandardCharsets.UTF_8);
    }

    /** What is stored: the key id, IV with ciphertext and tag, and the look-up hash. */
    public record EncryptedRrn(String keyId, byte[] ciphertext, byte[] lookupHash) {
    }
}
