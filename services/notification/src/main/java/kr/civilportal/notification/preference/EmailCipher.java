package kr.civilportal.notification.preference;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import kr.civilportal.common.crypto.AtRestCipher;

/**
 * Seals citizens' e-mail addresses at rest with common's {@link AtRestCipher} under the notification service's own
 * key ring (the key id stored in front of each value, so keys can rotate). The purpose and the resident id are
 * bound in as associated data: an address copied onto another citizen's row does not open. The same ring seals the
 * citizens' mobile numbers (another purpose) and a destination fixed in a delivery row (bound to the delivery's id).
 */
public final class EmailCipher {

    private static final String PURPOSE = "notification/email/";
    private static final String PHONE = "notification/phone/";
    private static final String DELIVERY_ADDRESS = "notification/delivery-address/";

    private final AtRestCipher cipher;

    EmailCipher(AtRestCipher cipher) {
        this.cipher = cipher;
    }

    /** From configuration: {@code keys} is {@code id:base64,id:base64} with 32-byte keys. */
    public static EmailCipher fromConfig(String activeKeyId, String keys) {
        if (keys == null || keys.isBlank()) {
            throw new IllegalStateException(
                    "E-mail encryption keys are not configured (portal.notification.cipher.keys)");
        }
        return new EmailCipher(AtRestCipher.fromConfig(activeKeyId, keys));
    }

    public byte[] seal(String email, UUID residentId) {
        return cipher.encrypt(email.getBytes(StandardCharsets.UTF_8), PURPOSE + residentId);
    }

    public String open(byte[] sealed, UUID residentId) {
        return new String(cipher.decrypt(sealed, PURPOSE + residentId), StandardCharsets.UTF_8);
    }

    public byte[] sealPhone(String digits, UUID residentId) {
        return cipher.encrypt(digits.getBytes(StandardCharsets.UTF_8), PHONE + residentId);
    }

    public String openPhone(byte[] sealed, UUID residentId) {
        return new String(cipher.decrypt(sealed, PHONE + residentId), StandardCharsets.UTF_8);
    }

    /** A delivery's own destination (119's call-back number): copied onto another delivery, it does not open. */
    public byte[] sealDeliveryAddress(String address, UUID deliveryId) {
        return cipher.encrypt(address.getBytes(StandardCharsets.UTF_8), DELIVERY_ADDRESS + deliveryId);
    }

    public String openDeliveryAddress(byte[] sealed, UUID deliveryId) {
        return new String(cipher.decrypt(sealed, DELIVERY_ADDRESS + deliveryId), StandardCharsets.UTF_8);
    }
}
