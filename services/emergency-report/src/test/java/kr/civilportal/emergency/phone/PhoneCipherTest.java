package kr.civilportal.emergency.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhoneCipherTest {

    private static final byte[] OLD_KEY = filled(1);
    private static final byte[] NEW_KEY = filled(2);
    private static final PhoneNumber PHONE = PhoneNumber.parse("010-1234-5678");

    @Test
    void roundTripsAndUsesAFreshIvEachTime() {
        PhoneCipher cipher = new PhoneCipher("k1", Map.of("k1", OLD_KEY));
        PhoneCipher.EncryptedPhone a = cipher.encrypt(PHONE, "record-1");
        PhoneCipher.EncryptedPhone b = cipher.encrypt(PHONE, "record-1");
        assertFalse(Arrays.equals(a.ciphertext(), b.ciphertext()));
        assertEquals("k1", a.keyId());
        assertEquals(PHONE, cipher.decrypt(a.keyId(), a.ciphertext(), "record-1"));
    }

    @Test
    void theCiphertextHoldsNoDigitsOfTheNumber() {
        byte[] sealed = new PhoneCipher("k1", Map.of("k1", OLD_KEY)).encrypt(PHONE, "r").ciphertext();
        String asText = new String(sealed, StandardCharsets.ISO_8859_1);
        assertFalse(asText.contains("1234"));
        assertFalse(asText.contains("5678"));
    }

    @Test
    void aCiphertextMovedToAnotherRecordRelabelledOrTamperedWithFails() {
        PhoneCipher cipher = new PhoneCipher("k1", Map.of("k1", OLD_KEY, "k2", OLD_KEY));
        PhoneCipher.EncryptedPhone sealed = cipher.encrypt(PHONE, "record-1");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("k1", sealed.ciphertext(), "record-2"));
        // Same key bytes under another id: the key id is bound in, so the label cannot be swapped.
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("k2", sealed.ciphertext(), "record-1"));
        byte[] tampered = sealed.ciphertext().clone();
        tampered[tampered.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("k1", tampered, "record-1"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("k1", new byte[5], "record-1"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("k9", sealed.ciphertext(), "record-1"));
    }

    @Test
    void afterRotationOldRowsStillDecryptAndNewOnesUseTheNewKey() {
        PhoneCipher before = new PhoneCipher("k1", Map.of("k1", OLD_KEY));
        PhoneCipher.EncryptedPhone old = before.encrypt(PHONE, "r");
        PhoneCipher after = new PhoneCipher("k2", Map.of("k1", OLD_KEY, "k2", NEW_KEY));
        assertEquals(PHONE, after.decrypt(old.keyId(), old.ciphertext(), "r"));
        assertEquals("k2", after.encrypt(PHONE, "r").keyId());
    }

    @Test
    void readsTheConfigurationFormAndRefusesMissingOrShortKeys() {
        String b64 = Base64.getEncoder().encodeToString(OLD_KEY);
        PhoneCipher cipher = PhoneCipher.fromConfig("k2", "k1:" + b64 + ", k2:" + Base64.getEncoder().encodeToString(NEW_KEY));
        assertEquals("k2", cipher.encrypt(PHONE, "r").keyId());
        assertThrows(IllegalArgumentException.class, () -> new PhoneCipher("k9", Map.of("k1", OLD_KEY)));
        assertThrows(IllegalArgumentException.class, () -> new PhoneCipher("k1", Map.of("k1", new byte[16])));
        assertThrows(IllegalStateException.class, () -> PhoneCipher.fromConfig("k1", ""));
        assertThrows(IllegalStateException.class, () -> PhoneCipher.fromConfig("k1", b64));
    }

    private static byte[] filled(int value) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
