package kr.civilportal.emergency.phone;

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
 * Encrypts reporters' phone numbers at rest with AES-256-GCM.
 *
 * <p>Each ciphertext records the id of the key that made it, so keys can rotate: the active key encrypts,
 * every configured key decrypts. The key id and the report's id are bound in as associated data, so a
 * ciphertext copied onto another report, or relabelled with another key id, fails to decrypt instead of
 * giving a dispatcher the wrong number to call back. No look-up hash: nobody searches reports by phone yet.
 */
public final class PhoneCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    /** Separates the purpose, key id and record id in the associated data (none of them contains it). */
    private static final char SEPARATOR = '\u0000';
    private static final String PURPOSE = "emergency-report/reporter-phone";

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    public PhoneCipher(String activeKeyId, Map<String, byte[]> keys) {
        if (activeKeyId == null || activeKeyId.isBlank() || !keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active phone key id must name one of the configured keys");
        }
        Map<String, SecretKey> copy = new LinkedHashMap<>();
        keys.forEach((id, bytes) -> copy.put(id, aesKey(bytes)));
        this.activeKeyId = activeKeyId;
        this.keys = Map.copyOf(copy);
    }

    /** Parses the configuration form: {@code keys} is {@code id:base64,id:base64}; keys are 32 bytes. */
    public static PhoneCipher fromConfig(String activeKeyId, String keys) {
        if (keys == null || keys.isBlank()) {
            throw new IllegalStateException("Phone encryption keys are not configured (portal.emergency.phone.keys)");
        }
        Map<String, byte[]> parsed = new LinkedHashMap<>();
        for (String entry : keys.split(",")) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("portal.emergency.phone.keys entries have the form id:base64");
            }
            parsed.put(entry.substring(0, colon).trim(), Base64.getDecoder().decode(entry.substring(colon + 1).trim()));
        }
        return new PhoneCipher(activeKeyId == null ? null : activeKeyId.trim(), parsed);
    }

    public EncryptedPhone encrypt(PhoneNumber phone, String recordId) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(activeKeyId, recordId));
            byte[] sealed = cipher.doFinal(phone.dialable().getBytes(StandardCharsets.US_ASCII));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return new EncryptedPhone(activeKeyId, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public PhoneNumber decrypt(String keyId, byte[] ciphertext, String recordId) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("No phone key with id " + keyId + " is configured");
        }
        if (ciphertext == null || ciphertext.length <= IV_BYTES) {
            throw new IllegalStateException("A phone ciphertext is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 0, IV_BYTES));
            cipher.updateAAD(associatedData(keyId, recordId));
            byte[] plain = cipher.doFinal(ciphertext, IV_BYTES, ciphertext.length - IV_BYTES);
            return PhoneNumber.parse(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            // No cause attached: nothing about the plaintext should travel further than this line.
            throw new IllegalStateException("A phone ciphertext failed authentication (wrong key or tampered row)");
        }
    }

    private static byte[] associatedData(String keyId, String recordId) {
        return (PURPOSE + SEPARATOR + keyId + SEPARATOR + recordId).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey aesKey(byte[] bytes) {
        if (bytes == null || bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("Phone keys are AES-256 keys of 32 bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** What is stored: the key id, and the IV with ciphertext and tag. */
    public record EncryptedPhone(String keyId, byte[] ciphertext) {
    }
}
