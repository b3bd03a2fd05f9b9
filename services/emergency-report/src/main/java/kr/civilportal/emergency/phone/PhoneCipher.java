package kr.civilportal.emergency.phone;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import kr.civilportal.common.crypto.AtRestCipher;

/**
 * Encrypts reporters' phone numbers at rest (the shared {@link AtRestCipher} under the emergency service's own
 * key ring).
 *
 * <p>The key id is stored beside each ciphertext, so keys can rotate: the active key encrypts, every configured
 * key decrypts. The purpose, key id and the report's id are bound in as associated data, so a ciphertext copied
 * onto another report, or relabelled with another key id, fails to decrypt instead of giving a dispatcher the
 * wrong number to call back. No look-up hash: nobody searches reports by phone.
 */
public final class PhoneCipher {

    /** Separates the purpose, key id and record id in the associated data (none of them contains it). */
    private static final char SEPARATOR = '\u0000';
    private static final String PURPOSE = "emergency-report/reporter-phone";

    private final AtRestCipher cipher;

    public PhoneCipher(String activeKeyId, Map<String, byte[]> keys) {
        this(new AtRestCipher(activeKeyId, keys));
    }

    private PhoneCipher(AtRestCipher cipher) {
        this.cipher = cipher;
    }

    /** Parses the configuration form: {@code keys} is {@code id:base64,id:base64}; keys are 32 bytes. */
    public static PhoneCipher fromConfig(String activeKeyId, String keys) {
        if (keys == null || keys.isBlank()) {
            throw new IllegalStateException("Phone encryption keys are not configured (portal.emergency.phone.keys)");
        }
        return new PhoneCipher(AtRestCipher.fromConfig(activeKeyId, keys));
    }

    /** The key new values are sealed under; values under any other key are due for re-sealing. */
    public String activeKeyId() {
        return cipher.activeKeyId();
    }

    public EncryptedPhone encrypt(PhoneNumber phone, String recordId) {
        AtRestCipher.Sealed sealed = cipher.seal(phone.dialable().getBytes(StandardCharsets.US_ASCII),
                associatedData(cipher.activeKeyId(), recordId));
        return new EncryptedPhone(sealed.keyId(), sealed.ivAndCiphertext());
    }

    public PhoneNumber decrypt(String keyId, byte[] ciphertext, String recordId) {
        byte[] plain = cipher.open(keyId, ciphertext, associatedData(keyId, recordId));
        return PhoneNumber.parse(new String(plain, StandardCharsets.US_ASCII));
    }

    private static byte[] associatedData(String keyId, String recordId) {
        return (PURPOSE + SEPARATOR + keyId + SEPARATOR + recordId).getBytes(StandardCharsets.UTF_8);
    }

    /** What is stored: the key id, and the IV with ciphertext and tag. */
    public record EncryptedPhone(String keyId, byte[] ciphertext) {
    }
}
