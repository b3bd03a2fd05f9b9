package kr.civilportal.gateway.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TicketSignerTest {

    final TicketSigner signer = new TicketSigner("a-test-secret-that-is-long-enough-32b");

    @Test
    void aSignedTicketReadsBackUnchanged() {
        Ticket ticket = new Ticket("0a1b2c3d", "passport", 42, 1_700_000_000_000L);
        assertEquals(ticket, signer.verify(signer.sign(ticket)));
    }

    @Test
    void movingOneselfForwardInTheQueueIsRecognised() {
        String signed = signer.sign(new Ticket("0a1b2c3d", "passport", 42, 1_700_000_000_000L));
        String forward = signed.replace(".42.", ".1.");
        assertThrows(TicketSigner.ForgedTicketException.class, () -> signer.verify(forward));
    }

    @Test
    void aTicketForAnotherRouteCannotBeMadeFromOne() {
        String signed = signer.sign(new Ticket("0a1b2c3d", "passport", 42, 1L));
        assertThrows(TicketSigner.ForgedTicketException.class, () -> signer.verify(signed.replace("passport", "residency")));
    }

    @Test
    void aTicketSignedWithAnotherKeyIsForged() {
        String other = new TicketSigner("another-secret-that-is-long-enough-32b").sign(new Ticket("e", "passport", 1, 1L));
        assertThrows(TicketSigner.ForgedTicketException.class, () -> signer.verify(other));
    }

    @Test
    void garbageIsForged() {
        for (String text : new String[] {"", "x", "v1.a.b.c.d.e", "v1.e.passport.1.1.!!!", "a".repeat(400)}) {
            assertThrows(TicketSigner.ForgedTicketException.class, () -> signer.verify(text), text);
        }
        assertThrows(TicketSigner.ForgedTicketException.class, () -> signer.verify(null));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TicketSigner("short"));
    }
}
