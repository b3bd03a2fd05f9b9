package kr.civilportal.notification.text;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import kr.civilportal.common.crypto.AtRestCipher;

/**
 * Opens a 119 reporter's call-back number (회신 번호) that emergency-report sealed for this service
 * (docs/events.md): AES-256-GCM under the shared key ring, associated data
 * {@code emergency-report/callback-for-notification ‖ NUL ‖ key id ‖ NUL ‖ subject}, so a sealed number copied onto
 * another report's event does not open. Plain Java.
 */
public final class CallbackSeal {

    static final String PURPOSE = "emergency-report/callback-for-notification";
    private static final char NUL = '\0';

    private final AtRestCipher ring;

    public CallbackSeal(AtRestCipher ring) {
        this.ring = ring;
    }

    /** From configuration ({@code portal.notification.callback-seal.*}); the service does not start without keys. */
    public static CallbackSeal fromConfig(String activeKeyId, String keys) {
        if (keys == null || keys.isBlank()) {
            throw new IllegalStateException(
                    "Call-back seal keys are not configured (portal.notification.callback-seal.keys)");
        }
        return new CallbackSeal(AtRestCipher.fromConfig(activeKeyId, keys));
    }

    static byte[] associatedData(String keyId, String subject) {
        return (PURPOSE + NUL + keyId + NUL + subject).getBytes(StandardCharsets.UTF_8);
    }

    /** The number's digits; empty when it does not open (unknown key, tampered, or another report's). */
    public Optional<String> open(String keyId, byte[] sealed, String subject) {
        try {
            return Optional.of(new String(ring.open(keyId, sealed, associatedData(keyId, subject)),
                    StandardCharsets.UTF_8));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Seals as emergency-report does (under the active key): the tests play that service with it. */
    public String seal(String digits, String subject) {
        AtRestCipher.Sealed sealed = ring.seal(digits.getBytes(StandardCharsets.UTF_8),
                associatedData(ring.activeKeyId(), subject));
        return java.util.Base64.getEncoder().encodeToString(sealed.ivAndCiphertext());
    }
}
