package kr.civilportal.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class MailMessageIdTest {

    private static final UUID DELIVERY = UUID.fromString("0b9a8f3e-5a4d-4c1e-9f00-2d6c1b7e8a11");

    @Test
    void theSameDeliveryHasTheSameIdOnEveryAttempt() {
        assertEquals("<0b9a8f3e-5a4d-4c1e-9f00-2d6c1b7e8a11@civilportal.example>",
                MailMessageId.of(DELIVERY, "noreply@civilportal.example"));
        assertEquals(MailMessageId.of(DELIVERY, "noreply@civilportal.example"),
                MailMessageId.of(DELIVERY, "noreply@civilportal.example"));
        assertNotEquals(MailMessageId.of(DELIVERY, "noreply@civilportal.example"),
                MailMessageId.of(UUID.randomUUID(), "noreply@civilportal.example"));
    }

    @Test
    void theDomainIsTakenFromTheSenderAlsoWithADisplayName() {
        assertEquals("gov.example", MailMessageId.domainOf("정부24 알림 <NoReply@Gov.Example>"));
        assertEquals("gov.example", MailMessageId.domainOf(" noreply@gov.example "));
    }

    @Test
    void aSenderWithoutAUsableDomainFallsBackToAReservedName() {
        assertEquals(MailMessageId.FALLBACK_DOMAIN, MailMessageId.domainOf(null));
        assertEquals(MailMessageId.FALLBACK_DOMAIN, MailMessageId.domainOf("noreply"));
        assertEquals(MailMessageId.FALLBACK_DOMAIN, MailMessageId.domainOf("noreply@"));
        assertEquals(MailMessageId.FALLBACK_DOMAIN, MailMessageId.domainOf("a@b>c"));
    }
}
