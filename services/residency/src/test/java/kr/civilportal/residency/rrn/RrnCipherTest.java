package kr.civilportal.residency.rrn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RrnCipherTest {

    private static final byte[] OLD_KEY = filled(1);
    private static final byte[] NEW_KEY = filled(2);
    private static final byte[] LOOKUP = filled(3);
    private static final ResidentRegistrationNumber RRN = ResidentRegistrationNumber.parse("900315-2123451");

    @Test
    void roundTripsAndUsesAFreshIvEachTime() {
        RrnCipher cipher = new RrnCipher("k1", Map.of("k1", OLD_KEY), LOOKUP);
        RrnCipher.EncryptedRrn a = cipher.encrypt(RRN, "record-1");
        RrnCipher.EncryptedRrn b = cipher.encrypt(RRN, "record-1");
        assertFalse(Arrays.equals(a.ciphertext(), b.ciphertext()));
        assertEquals(RRN, cipher.decrypt(a.keyId(), a.ciphertext(), "record-1"));
        assertArrayEquals(a.lookupHash(), b.lookupHash(), "look-up hash is deterministic");
    }

    @Test
    void aCiphertextMovedToAnotherRecordOrTamperedWithFails() {
        RrnCipher cipher = new RrnCipher("k1", Map.of("k1", OLD_KEY), LOOKUP);
        RrnCipher.EncryptedRrn sealed = cipher.encrypt(RRN, "record-1");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("k1", sealed.ciphertext(), "record-2"));
        byte[] tampered = sealed.ciphertext().clone();
        tampered[tampered.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("k1", tampered, "record-1"));
    }

    @Test
    void afterRotationOldRowsStillDecryptAndNewOnesUseTheNewKey() {
        RrnCipher before = new RrnCipher("k1", Map.of("k1", OLD_KEY), LOOKUP);
        RrnCipher.EncryptedRrn old = before.encrypt(RRN, "r");
        RrnCipher after = new RrnCipher("k2", Map.of("k1", OLD_KEY, "k2", NEW_KEY), LOOKUP);
        assertEquals(RRN, after.decrypt(old.keyId(), old.ciphertext(), "r"));
        assertEquals("k2", after.encrypt(RRN, "r").keyId());
    }

    @Test
    void refusesMissingOrShortKeys() {
        assertThrows(IllegalArgumentException.class, () -> new RrnCipher("k9", Map.of("k1", OLD_KEY), LOOKUP));
        assertThrows(IllegalArgumentException.class, () -> new RrnCipher("k1", Map.of("k1", new byte[16]), LOOKUP));
        assertThrows(IllegalStateException.class, () -> RrnCipher.fromConfig("k1", "", ""));
    }

    private static byte[] filled(int value) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
