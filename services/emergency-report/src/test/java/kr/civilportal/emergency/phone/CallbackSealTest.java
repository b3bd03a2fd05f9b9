package kr.civilportal.emergency.phone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import kr.civilportal.common.crypto.AtRestCipher;
import org.junit.jupiter.api.Test;

/** The seal as the notification service opens it: common's cipher, the contract's associated data, nothing else. */
class CallbackSealTest {

    private static final byte[] KEY = filled(7);
    private static final byte[] OTHER_KEY = filled(9);
    private static final String REPORT = "5f0c2a4e-1111-4c1e-9e55-0a7f3b2c9d01";
    private static final PhoneNumber MOBILE = PhoneNumber.parse("+82 10-1234-5678");

    /** What notification holds: every key of the ring. */
    private static final AtRestCipher NOTIFICATION = new AtRestCipher("k1", Map.of("k1", KEY, "k2", OTHER_KEY));

    private static byte[] opened(CallbackSeal.Sealed sealed, String subject) {
        byte[] ad = ("emergency-report/callback-for-notification\0" + sealed.keyId() + "\0" + subject)
                .getBytes(StandardCharsets.UTF_8);
        return NOTIFICATION.open(sealed.keyId(), Base64.getDecoder().decode(sealed.sealed()), ad);
    }

    @Test
    void opensToTheDialableDigitsUnderTheContractsAssociatedData() {
        CallbackSeal.Sealed sealed = new CallbackSeal(new AtRestCipher("k1", Map.of("k1", KEY))).seal(MOBILE, REPORT);
        assertEquals("k1", sealed.keyId());
        assertArrayEquals("01012345678".getBytes(StandardCharsets.US_ASCII), opened(sealed, REPORT));
        assertArrayEquals(CallbackSeal.associatedData("k1", REPORT),
                ("emergency-report/callback-for-notification\0k1\0" + REPORT).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void doesNotOpenUnderAnotherSubjectOrRelabelled() {
        CallbackSeal.Sealed sealed = new CallbackSeal(new AtRestCipher("k1", Map.of("k1", KEY))).seal(MOBILE, REPORT);
        assertThrows(IllegalStateException.class, () -> opened(sealed, "another-report"));
        assertThrows(IllegalStateException.class,
                () -> opened(new CallbackSeal.Sealed("k2", sealed.sealed()), REPORT));
    }

    @Test
    void sealsUnderTheActiveKeyWithAFreshIvAndNoDigitsInClear() {
        CallbackSeal seal = CallbackSeal.fromConfig("k2", "k1:" + base64(KEY) + ",k2:" + base64(OTHER_KEY));
        CallbackSeal.Sealed a = seal.seal(MOBILE, REPORT);
        CallbackSeal.Sealed b = seal.seal(MOBILE, REPORT);
        assertEquals("k2", a.keyId());
        assertNotEquals(a.sealed(), b.sealed());
        String raw = new String(Base64.getDecoder().decode(a.sealed()), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("1234") || raw.contains("5678") || a.sealed().contains("5678"));
        assertFalse(a.toString().contains(a.sealed()), "toString leaves the ciphertext out");
        assertArrayEquals("01012345678".getBytes(StandardCharsets.US_ASCII), opened(a, REPORT));
    }

    @Test
    void aLandlineIsSealedAsItsDigitsToo() {
        CallbackSeal seal = new CallbackSeal(new AtRestCipher("k1", Map.of("k1", KEY)));
        assertArrayEquals("021234567".getBytes(StandardCharsets.US_ASCII),
                opened(seal.seal(PhoneNumber.parse("(02) 123-4567"), REPORT), REPORT));
    }

    @Test
    void refusesToBeBuiltWithoutKeysNamingTheSettingsNotAKey() {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> CallbackSeal.fromConfig("", ""));
        assertFalse(none.getMessage().contains(base64(KEY)));
        assertTrue(none.getMessage().contains("EMERGENCY_CALLBACK_SEAL_KEYS"));
        assertThrows(IllegalStateException.class, () -> CallbackSeal.fromConfig(null, "k1:" + base64(KEY)));
        assertThrows(IllegalArgumentException.class, () -> CallbackSeal.fromConfig("k3", "k1:" + base64(KEY)));
        assertThrows(IllegalArgumentException.class,
                () -> CallbackSeal.fromConfig("k1", "k1:" + base64(new byte[16])));
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
