package kr.civilportal.notification.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 119's call-back seal, as docs/events.md fixes it; plain Java. */
class CallbackSealTest {

    private static final String KEY = "Z8Qz3m2Qk3a0dHhW2mFf5r8q0w1e2r3t4y5u6i7o8p0=";
    private final CallbackSeal seal = CallbackSeal.fromConfig("k1", "k1:" + KEY);

    @Test
    void opensForTheReportItWasSealedFor() {
        String sealed = seal.seal("01012345678", "report-1");
        assertEquals(Optional.of("01012345678"), seal.open("k1", Base64.getDecoder().decode(sealed), "report-1"));
    }

    @Test
    void doesNotOpenOnAnotherReportUnderAnotherKeyIdOrTampered() {
        byte[] sealed = Base64.getDecoder().decode(seal.seal("01012345678", "report-1"));
        assertTrue(seal.open("k1", sealed, "report-2").isEmpty());
        assertTrue(seal.open("k9", sealed, "report-1").isEmpty());
        sealed[sealed.length - 1] ^= 1;
        assertTrue(seal.open("k1", sealed, "report-1").isEmpty());
        assertTrue(seal.open("k1", new byte[3], "report-1").isEmpty());
    }

    @Test
    void theAssociatedDataIsPurposeKeyIdAndSubjectSeparatedByNul() {
        assertEquals("emergency-report/callback-for-notification\0k1\0report-1",
                new String(CallbackSeal.associatedData("k1", "report-1"), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void withoutKeysTheServiceDoesNotStart() {
        assertThrows(IllegalStateException.class, () -> CallbackSeal.fromConfig("k1", " "));
    }
}
