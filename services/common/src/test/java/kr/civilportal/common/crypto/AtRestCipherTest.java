package kr.civilportal.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The at-rest cipher's rules: context binding, key rotation, refused keys. */
class AtRestCipherTest {

    private static final String K1 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String K2 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    private static final byte[] PLAIN = "여권 사진 and choices".getBytes(StandardCharsets.UTF_8);

    @Test
    void whatIsSealedOpensOnlyInItsContext() {
        AtRestCipher cipher = AtRestCipher.fromConfig("k1", "k1:" + K1);
        byte[] sealed = cipher.encrypt(PLAIN, "passport_draft:photo:alice");
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("choices"), "nothing in clear");
        assertArrayEquals(PLAIN, cipher.decrypt(sealed, "passport_draft:photo:alice"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "passport_draft:photo:bob"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "passport_draft:content:alice"));
    }

    @Test
    void afterARotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        byte[] old = AtRestCipher.fromConfig("k1", "k1:" + K1).encrypt(PLAIN, "c");
        AtRestCipher rotated = AtRestCipher.fromConfig("k2", "k1:" + K1 + ", k2:" + K2);
        assertArrayEquals(PLAIN, rotated.decrypt(old, "c"));
        byte[] fresh = rotated.encrypt(PLAIN, "c");
        assertThrows(IllegalStateException.class, () -> AtRestCipher.fromConfig("k1", "k1:" + K1).decrypt(fresh, "c"),
                "a gateway without the new key cannot open new values");
    }

    @Test
    void badKeyConfigurationIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> AtRestCipher.fromConfig("k3", "k1:" + K1));
        assertThrows(IllegalArgumentException.class, () -> AtRestCipher.fromConfig("k1", "k1:" + Base64.getEncoder()
                .encodeToString(new byte[16])));
        assertThrows(IllegalStateException.class, () -> AtRestCipher.fromConfig("k1", K1));
        assertThrows(IllegalStateException.class, () -> AtRestCipher.fromConfig("k1", " "));
    }

    @Test
    void aValueSealedBesideItsKeyIdOpensOnlyForItsPurposeAndRecord() {
        AtRestCipher cipher = AtRestCipher.fromConfig("k1", "k1:" + K1);
        AtRestCipher.Sealed sealed = cipher.seal(PLAIN, aad("residency.resident.rrn:r1"));
        assertEquals("k1", sealed.keyId());
        assertArrayEquals(PLAIN, cipher.open("k1", sealed.ivAndCiphertext(), aad("residency.resident.rrn:r1")));
        assertThrows(IllegalStateException.class, () -> cipher.open("k1", sealed.ivAndCiphertext(),
                aad("residency.resident.rrn:r2")), "another record");
        assertThrows(IllegalStateException.class, () -> cipher.open("k1", sealed.ivAndCiphertext(),
                aad("emergency.report.phone:r1")), "another purpose");
        assertThrows(IllegalStateException.class, () -> cipher.open("k9", sealed.ivAndCiphertext(),
                aad("residency.resident.rrn:r1")), "a key id that is not configured");
        byte[] tampered = sealed.ivAndCiphertext().clone();
        tampered[tampered.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.open("k1", tampered, aad("residency.resident.rrn:r1")));
        assertThrows(IllegalStateException.class, () -> cipher.open("k1", new byte[5], aad("residency.resident.rrn:r1")));
    }

    @Test
    void afterARotationTheOldKeyOpensAndTheNewKeySealsAndLabels() {
        AtRestCipher.Sealed old = AtRestCipher.fromConfig("k1", "k1:" + K1).seal(PLAIN, aad("p:r"));
        AtRestCipher rotated = AtRestCipher.fromConfig("k2", "k1:" + K1 + ",k2:" + K2);
        assertEquals("k2", rotated.activeKeyId());
        assertArrayEquals(PLAIN, rotated.open(old.keyId(), old.ivAndCiphertext(), aad("p:r")));
        AtRestCipher.Sealed resealed = rotated.seal(rotated.open(old.keyId(), old.ivAndCiphertext(), aad("p:r")),
                aad("p:r"));
        assertEquals("k2", resealed.keyId());
        assertArrayEquals(PLAIN, rotated.open("k2", resealed.ivAndCiphertext(), aad("p:r")));
        assertThrows(IllegalStateException.class, () -> rotated.open("k1", resealed.ivAndCiphertext(), aad("p:r")),
                "a value is only opened under the key id it was sealed with");
        assertEquals("k2", AtRestCipher.keyIdOf(rotated.encrypt(PLAIN, "c")));
    }

    private static byte[] aad(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
