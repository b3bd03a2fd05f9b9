package kr.civilportal.gateway.relay;

import java.util.UUID;
import kr.civilportal.common.crypto.AtRestCipher;

/**
 * What a held report carries (phone number, location, photos, the reporter's address, the service's receipt
 * token), sealed with the gateway's at-rest cipher under the relay's own keys. The held report's id is bound in as
 * associated data, so a ciphertext copied onto another row does not decrypt.
 */
public final class RelayCipher {

    private final AtRestCipher cipher;

    private RelayCipher(AtRestCipher cipher) {
        this.cipher = cipher;
    }

    /** From {@code id:base64,id:base64} (32-byte keys). */
    public static RelayCipher fromConfig(String activeKeyId, String keys) {
        return new RelayCipher(AtRestCipher.fromConfig(activeKeyId, keys));
    }

    public byte[] encrypt(byte[] plain, UUID boundTo) {
        return cipher.encrypt(plain, context(boundTo));
    }

    public byte[] decrypt(byte[] stored, UUID boundTo) {
        return cipher.decrypt(stored, context(boundTo));
    }

    private static String context(UUID id) {
        return "held_report:" + id;
    }
}
