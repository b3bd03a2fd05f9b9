package kr.civilportal.common.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void readsTheDraftsQuotedFormAndABareToken() {
        assertEquals("8e03978e-40d5-43e8-bc93-6894a57f9324",
                IdempotencyKey.fromHeader("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"").orElseThrow().value());
        assertEquals("abc-123", IdempotencyKey.fromHeader(" abc-123 ").orElseThrow().value());
        assertTrue(IdempotencyKey.fromHeader(null).isEmpty());
    }

    @Test
    void refusesEmptyTooLongOrInvisibleKeysWithoutQuotingThem() {
        for (String bad : new String[] {"", "\"\"", "a b", "키", "x".repeat(256), "a\u0000b"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> IdempotencyKey.fromHeader(bad), bad);
            if (bad.length() > 3) {
                assertFalse(e.getMessage().contains(bad));
            }
        }
        assertEquals(255, IdempotencyKey.fromHeader("k".repeat(255)).orElseThrow().value().length());
    }

    @Test
    void theFingerprintDependsOnMethodPathAndBodyOnly() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String f = RequestFingerprint.of("POST", "/api/x", body);
        assertEquals(64, f.length());
        assertEquals(f, RequestFingerprint.of("post", "/api/x", body.clone()));
        assertNotEquals(f, RequestFingerprint.of("PUT", "/api/x", body));
        assertNotEquals(f, RequestFingerprint.of("POST", "/api/y", body));
        assertNotEquals(f, RequestFingerprint.of("POST", "/api/x", "{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(f, RequestFingerprint.ofBodyHash("POST", "/api/x", RequestFingerprint.bodyDigest().digest(body)));
    }

    @Test
    void scopesKeepCallersApart() {
        assertEquals("sub:1234", IdempotencyScope.subject("1234"));
        assertEquals("anonymous:emergency-report", IdempotencyScope.anonymous("emergency-report"));
        assertThrows(IllegalArgumentException.class, () -> IdempotencyScope.subject(" "));
        assertNotEquals(IdempotencyStore.lockId("sub:a", new IdempotencyKey("k")),
                IdempotencyStore.lockId("sub:b", new IdempotencyKey("k")));
    }
}
