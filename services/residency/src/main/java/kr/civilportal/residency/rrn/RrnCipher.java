package kr.civilportal.residency.rrn;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts resident registration numbers at rest with AES-256-GCM and derives the keyed hash (HMAC-SHA256)
 * used to find a resident by number without decrypting every row.
 *
 * <p>Each ciphertext records the id of the key that made it, so keys can rotate: the active key encrypts,
 * every configured key decrypts, and rows are re-encrypted at leisure. The record's id is bound in as
 * associated data, so a ciphertext copied onto another resident's row fails to decrypt.
 */
public final class RrnCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;
    private final SecretKey lookupKey;
    private final SecureRandom random = new SecureRandom();

    public RrnCipher(String activeKeyId, Map<String, byte[]> keys, byte[] lookupKey) {
        if (activeKeyId == null || activeKeyId.isBlank() || !keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active RRN key id must name one of the configured keys");
        }
        Map<String, SecretKey> copy = new LinkedHashMap<>();
        keys.forEach((id, bytes) -> copy.put(id, aesKey(bytes)));
        if (lookupKey == null || lookupKey.length < KEY_BYTES) {
            throw new IllegalArgumentException("The RRN look-up key must have at least 32 bytes");
        }
        this.activeKeyId = activeKeyId;
        this.keys = Map.copyOf(copy);
        this.lookupKey = new SecretKeySpec(lookupKey, "HmacSHA256");
    }

    /**
     * Parses the configuration form: {@code keys} is {@code id:base64,id:base64}; keys are 32 bytes.
     */
    public static RrnCipher fromConfig(String activeKeyId, String keys, String lookupKey) {
        if (keys == null || keys.isBlank() || lookupKey == null || lookupKey.isBlank()) {
            throw new IllegalStateException("RRN encryption keys are not configured "
                    + "(portal.residency.rrn.keys, portal.residency.rrn.lookup-key)");
        }
        Map<String, byte[]> parsed = new LinkedHashMap<>();
        for (String entry : keys.split(",")) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("portal.residency.rrn.keys entries have the form id:base64");
            }
            parsed.put(entry.substring(0, colon).trim(), Base64.getDecoder().decode(entry.substring(colon + 1).trim()));
        }
        return new RrnCipher(activeKeyId, parsed, Base64.getDecoder().decode(lookupKey.trim()));
    }

    public EncryptedRrn encrypt(ResidentRegistrationNumber rrn, String recordId) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(recordId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(rrn.digits().getBytes(StandardCharsets.US_ASCII));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return new EncryptedRrn(activeKeyId, out, lookupHash(rrn));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public ResidentRegistrationNumber decrypt(String keyId, byte[] ciphertext, String recordId) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("No RRN key with id " + keyId + " is configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 0, IV_BYTES));
            cipher.updateAAD(recordId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(ciphertext, IV_BYTES, ciphertext.length - IV_BYTES);
            return ResidentRegistrationNumber.parseStored(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("An RRN ciphertext failed authentication (wrong key or tampered row)");
        }
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
        return "hmac-sha256:" + java.util.Base64.getEncoder().encodeToString(lookupHash(rrn));
    }

    private static SecretKey aesKey(byte[] bytes) {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("RRN keys are AES-256 keys of 32 bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** What is stored: the key id, IV with ciphertext and tag, and the look-up hash. */
    public record EncryptedRrn(String keyId, byte[] ciphertext, byte[] lookupHash) {
    }
}
