package kr.civilportal.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for personal data the gateway keeps in its database: passport drafts (choices and photo) and, through
 * {@code relay.RelayCipher}, held 119 reports, each under keys of its own (a leaked relay key does not open
 * drafts). Layout: key-id length, key id, 12-byte IV, ciphertext with tag. Each ciphertext is bound to a context
 * (table and row owner) as associated data, so a value copied onto another row does not decrypt. Several keys
 * may be configured: the active one encrypts, all decrypt (rotation without re-encrypting old rows).
 */
public final class AtRestCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;

    private AtRestCipher(String activeKeyId, Map<String, SecretKey> keys) {
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active key id " + activeKeyId + " is not among the keys");
        }
        this.activeKeyId = activeKeyId;
        this.keys = Map.copyOf(keys);
    }

    /** From {@code id:base64,id:base64} (32-byte keys). */
    public static AtRestCipher fromConfig(String activeKeyId, String keys) {
        Map<String, SecretKey> parsed = new HashMap<>();
        for (String entry : keys.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("Keys must be id:base64 pairs");
            }
            byte[] key = Base64.getDecoder().decode(parts[1].trim());
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("Key " + parts[0] + " must be 32 bytes, not " + key.length);
            }
            parsed.put(parts[0].trim(), new SecretKeySpec(key, "AES"));
        }
        return new AtRestCipher(activeKeyId.trim(), parsed);
    }

    public byte[] encrypt(byte[] plain, String context) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] id = activeKeyId.getBytes(StandardCharsets.US_ASCII);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + id.length + IV_BYTES + sealed.length)
                    .put((byte) id.length).put(id).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt", e);
        }
    }

    public byte[] decrypt(byte[] stored, String context) {
        ByteBuffer in = ByteBuffer.wrap(stored);
        byte[] id = new byte[in.get()];
        in.get(id);
        SecretKey key = keys.get(new String(id, StandardCharsets.US_ASCII));
        if (key == null) {
            throw new IllegalStateException("Sealed with a key this gateway does not have");
        }
        byte[] iv = new byte[IV_BYTES];
        in.get(iv);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Does not decrypt (wrong key, or a value moved to another row)", e);
        }
    }
}
