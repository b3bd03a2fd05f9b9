package kr.civilportal.paymentsandbox.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CardEntryTest {

    @Test
    void theTestCardsAreReadAsTheContractSays() {
        CardEntry approved = new CardEntry("4242 4242 4242 4242", "12/39", "123");
        assertTrue(approved.valid());
        assertEquals(CardEntry.Outcome.APPROVED, approved.outcome());
        assertEquals("VISA **** 4242", approved.summary());
        assertEquals(CardEntry.Outcome.DECLINED, new CardEntry("4000-0000-0000-0002", "01/39", "999").outcome());
    }

    @Test
    void malformedFieldsAreNamed() {
        CardEntry entry = new CardEntry("4242 4242 4242 4241", "01/20", "12");
        assertFalse(entry.valid());
        assertEquals(Set.of("cardNumber", "expiry", "cvc"), entry.errors.keySet());
        assertFalse(new CardEntry("4242424242424242", "13/39", "123").valid());
    }
}
