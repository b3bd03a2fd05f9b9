package kr.civilportal.emergency.phone;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import kr.civilportal.common.crypto.AtRestCipher;

/**
 * Seals a reporter's call-back number (회신 번호) for the notification service, which texts the reporter about their
 * report: the number travels in the dispatch steps' events across Kafka, never in clear (docs/events.md, "119").
 *
 * <p>A key ring of its own, shared with notification and with no other service: the phone keys that guard this
 * service's database never leave it. The purpose, key id and the event's subject (the report id) are bound in as
 * associated data, so a sealed number copied onto another report's event does not open, and an event relabelled
 * with another key id does not open either. The format is the contract's; notification opens it with the same
 * {@link AtRestCipher}.
 */
public final class CallbackSeal {

    /** The purpose in the associated data, as docs/events.md fixes it for both services. */
    public static final String PURPOSE = "emergency-report/callback-for-notification";
    /** Separates the purpose, key id and subject in the associated data (none of them contains it). */
    private static final char SEPARATOR = '\u0000';

    private final AtRestCipher cipher;

    public CallbackSeal(AtRestCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /**
     * From the configuration form {@code id:base64,id:base64} (32-byte keys).
     *
     * @throws IllegalStateException when no keys are configured, naming the settings (never a key)
     */
    public static CallbackSeal fromConfig(String activeKeyId, String keys) {
        if (keys == null || keys.isBlank() || activeKeyId == null || activeKeyId.isBlank()) {
            throw new IllegalStateException("The call-back seal's keys are not configured "
                    + "(portal.emergency.callback-seal.active-key-id and .keys; in production "
                    + "EMERGENCY_CALLBACK_SEAL_ACTIVE_KEY_ID and EMERGENCY_CALLBACK_SEAL_KEYS)");
        }
        return new CallbackSeal(AtRestCipher.fromConfig(activeKeyId, keys));
    }

    /** The key new numbers are sealed under. */
    public String activeKeyId() {
        return cipher.activeKeyId();
    }

    /** Seals the number's digits (US-ASCII) for the event whose subject is {@code subject}. */
    public Sealed seal(PhoneNumber number, String subject) {
        Objects.requireNonNull(number, "number");
        AtRestCipher.Sealed sealed = cipher.seal(number.digits().getBytes(StandardCharsets.US_ASCII),
                associatedData(cipher.activeKeyId(), subject));
        return new Sealed(sealed.keyId(), Base64.getEncoder().encodeToString(sealed.ivAndCiphertext()));
    }

    /** The associated data both services compute: purpose, key id and subject, NUL-separated, in UTF-8. */
    public static byte[] associatedData(String keyId, String subject) {
        return (PURPOSE + SEPARATOR + keyId + SEPARATOR + Objects.requireNonNull(subject, "subject"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The event's {@code callback}: the key id, and the base64 of IV, ciphertext and tag. */
    public record Sealed(String keyId, String sealed) {

        /** Leaves the ciphertext out: nothing of a number belongs in a log, even sealed. */
        @Override
        public String toString() {
            return "Sealed[" + keyId + "]";
        }
    }
}
