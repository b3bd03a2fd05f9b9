package kr.civilportal.gateway.relay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for what a held report carries (phone number, location, photos, the reporter's address, the
 * service's receipt token). The held report's id is bound in as associated data, so a ciphertext copied onto
 * another row does not decrypt. Layout: key-id length (1 byte), key id, 12-byte IV, ciphertext with tag.
 */
public final class RelayCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;

    RelayCipher(String activeKeyId, Map<String, SecretKey> keys) {
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active relay key id " + activeKeyId + " is not among the keys");
        }
        this.activeKeyId = activeKeyId;
        this.keys = Map.copyOf(keys);
    }

    /** From {@code id:base64,id:base64} (32-byte keys). */
    public static RelayCipher fromConfig(String activeKeyId, String keys) {
        Map<String, SecretKey> parsed = new HashMap<>();
        for (String entry : keys.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("Relay keys must be id:base64 pairs");
            }
            byte[] key = Base64.getDecoder().decode(parts[1].trim());
            if (key.length != 32) {
                throw new IllegalArgumentException("Relay key " + parts[0] + " must be 32 bytes, not " + key.length);
            }
            parsed.put(parts[0].trim(), new SecretKeySpec(key, "AES"));
        }
        return new RelayCipher(activeKeyId.trim(), parsed);
    }

    public byte[] encrypt(byte[] plain, UUID boundTo) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] id = activeKeyId.getBytes(StandardCharsets.US_ASCII);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(boundTo));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + id.length + IV_BYTES + sealed.length)
                    .put((byte) id.length).put(id).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a held report", e);
        }
    }

    public byte[] decrypt(byte[] stored, UUID boundTo) {
        ByteBuffer in = ByteBuffer.wrap(stored);
        byte[] id = new byte[in.get()];
        in.get(id);
        SecretKey key = keys.get(new String(id, StandardCharsets.US_ASCII));
        if (key == null) {
            throw new IllegalStateException("A held report is sealed with a key this gateway does not have");
        }
        byte[] iv = new byte[IV_BYTES];
        in.get(iv);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(boundTo));
            return cipher.doFinal(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A held report does not decrypt (wrong key or altered row)", e);
        }
    }

    private static byte[] aad(UUID id) {
        return ("held_report:" + id).getBytes(StandardCharsets.US_ASCII);
    }
}
