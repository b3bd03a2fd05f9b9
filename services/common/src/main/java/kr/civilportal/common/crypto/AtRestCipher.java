package kr.civilportal.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under a key ring, for personal data a service keeps in its database (residents' registration
 * numbers, reporters' call-back numbers, passport drafts, held 119 reports). Each service has keys of its own, so
 * a leaked key of one service opens nothing of another.
 *
 * <p>The active key seals, every configured key opens, so keys rotate without a stop. A sealed value is bound to
 * associated data the caller names (purpose and record), so a value copied onto another column or row does not
 * open. Two stored forms:
 * <ul>
 *   <li>{@link #seal}/{@link #open}: IV with ciphertext and tag; the key id is kept beside it in a column of its
 *       own, where a re-encryption job can find rows under an old key with plain SQL;</li>
 *   <li>{@link #encrypt}/{@link #decrypt}: key-id length, key id, IV, ciphertext with tag in one value, for
 *       tables without a key-id column.</li>
 * </ul>
 */
public final class AtRestCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;

    /** {@code keys} maps key ids to 32-byte AES keys; the active id must be one of them. */
    public AtRestCipher(String activeKeyId, Map<String, byte[]> keys) {
        if (activeKeyId == null || activeKeyId.isBlank() || !keys.containsKey(activeKeyId.trim())) {
            throw new IllegalArgumentException("The active key id " + activeKeyId + " is not among the keys");
        }
        Map<String, SecretKey> ring = new LinkedHashMap<>();
        keys.forEach((id, bytes) -> {
            if (bytes == null || bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException("Key " + id + " must be an AES-256 key of 32 bytes");
            }
            ring.put(id, new SecretKeySpec(bytes, "AES"));
        });
        this.activeKeyId = activeKeyId.trim();
        this.keys = Map.copyOf(ring);
    }

    /**
     * From the configuration form {@code id:base64,id:base64} (32-byte keys).
     *
     * @throws IllegalStateException if no keys are configured or an entry is not {@code id:base64}
     * @throws IllegalArgumentException if the active id is not among the keys or a key is not 32 bytes
     */
    public static AtRestCipher fromConfig(String activeKeyId, String keys) {
        if (keys == null || keys.isBlank()) {
            throw new IllegalStateException("No at-rest encryption keys are configured");
        }
        Map<String, byte[]> parsed = new LinkedHashMap<>();
        for (String entry : keys.split(",")) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("At-rest encryption keys have the form id:base64,id:base64");
            }
            parsed.put(entry.substring(0, colon).trim(), Base64.getDecoder().decode(entry.substring(colon + 1).trim()));
        }
        return new AtRestCipher(activeKeyId, parsed);
    }

    /** The id of the key that seals; values under any other id are due for re-sealing. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** Seals under the active key; the caller stores the key id beside the value. */
    public Sealed seal(byte[] plain, byte[] associatedData) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plain);
            return new Sealed(activeKeyId, ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** Opens what {@link #seal} made, with the key id stored beside it and the same associated data. */
    public byte[] open(String keyId, byte[] ivAndCiphertext, byte[] associatedData) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Sealed with key " + keyId + ", which is not configured");
        }
        if (ivAndCiphertext == null || ivAndCiphertext.length <= IV_BYTES) {
            throw new IllegalStateException("A sealed value is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ivAndCiphertext, 0, IV_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(ivAndCiphertext, IV_BYTES, ivAndCiphertext.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            // No cause attached: nothing about the plaintext should travel further than this line.
            throw new IllegalStateException("Does not open (wrong key, tampered, or a value moved to another row)");
        }
    }

    /** Seals under the active key with the key id written in front of the value. */
    public byte[] encrypt(byte[] plain, String context) {
        Sealed sealed = seal(plain, context.getBytes(StandardCharsets.UTF_8));
        byte[] id = sealed.keyId().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(1 + id.length + sealed.ivAndCiphertext().length)
                .put((byte) id.length).put(id).put(sealed.ivAndCiphertext()).array();
    }

    /** Opens what {@link #encrypt} made, in the same context. */
    public byte[] decrypt(byte[] stored, String context) {
        return open(keyIdOf(stored), valueOf(stored), context.getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the key a value made by {@link #encrypt} is sealed under. */
    public static String keyIdOf(byte[] stored) {
        if (stored == null || stored.length == 0 || stored.length < 1 + stored[0]) {
            throw new IllegalStateException("A sealed value is truncated");
        }
        return new String(stored, 1, stored[0], StandardCharsets.US_ASCII);
    }

    private static byte[] valueOf(byte[] stored) {
        int start = 1 + stored[0];
        byte[] value = new byte[stored.length - start];
        System.arraycopy(stored, start, value, 0, value.length);
        return value;
    }

    /** A value sealed by {@link #seal}: the key id to store beside it, and IV with ciphertext and tag. */
    public record Sealed(String keyId, byte[] ivAndCiphertext) {
    }
}
