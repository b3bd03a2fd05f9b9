package kr.civilportal.emergency.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReceiptTokenTest {

    @Test
    void tokensAreLongRandomAndOnlyTheirHashIsCompared() {
        String a = ReceiptToken.generate();
        String b = ReceiptToken.generate();
        assertNotEquals(a, b);
        assertEquals(43, a.length(), "256 bits in base64url");
        assertTrue(a.matches("[A-Za-z0-9_-]+"));
        byte[] stored = ReceiptToken.hash(a);
        assertEquals(32, stored.length);
        assertTrue(ReceiptToken.matches(a, stored));
        assertFalse(ReceiptToken.matches(b, stored));
        assertFalse(ReceiptToken.matches(null, stored));
        assertFalse(ReceiptToken.matches(a, null));
    }
}
