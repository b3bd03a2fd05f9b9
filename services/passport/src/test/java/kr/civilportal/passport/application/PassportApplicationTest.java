package kr.civilportal.passport.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import kr.civilportal.passport.fee.Fee;
import kr.civilportal.passport.identity.IdentityCheck;
import kr.civilportal.passport.payment.PaymentView;
import org.junit.jupiter.api.Test;

class PassportApplicationTest {

    private static final Caller CITIZEN = new Caller("sub-1", UUID.randomUUID(), false);
    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");

    @Test
    void aNewApplicationIsSubmittedByItsCaller() {
        UUID id = UUID.randomUUID();
        PassportApplication a = PassportApplication.submit(id, CITIZEN, ApplicationKind.NEW, Validity.TEN_YEARS, 58, NOW);
        assertEquals(ApplicationStatus.SUBMITTED, a.status);
        assertEquals("sub-1", a.applicantSubject);
        assertEquals(CITIZEN.residentId(), a.applicantResidentId);
        assertEquals(NOW, a.submittedAt);
        assertEquals(NOW, a.updatedAt);
        assertEquals(new ApplicationView(id, ApplicationKind.NEW, Validity.TEN_YEARS, 58, ApplicationStatus.SUBMITTED, NOW,
                new Fee(52_000, 40_000, 12_000), true, IdentityCheck.PENDING, null, null, null, null, false, null,
                PaymentView.atCounter(), null), a.view());
    }

    @Test
    void onlyTheBookletsOnOfferCanBeOrdered() {
        assertTrue(PageCount.Validator.isAllowed(26));
        assertTrue(PageCount.Validator.isAllowed(58));
        for (int pages : new int[] {0, 24, 30, 48, 59, -26}) {
            assertFalse(PageCount.Validator.isAllowed(pages));
            assertThrows(IllegalArgumentException.class, () -> PassportApplication.submit(UUID.randomUUID(), CITIZEN,
                    ApplicationKind.NEW, Validity.TEN_YEARS, pages, NOW));
        }
        assertTrue(new PageCount.Validator().isValid(null, null), "null is @NotNull's to report");
    }

    @Test
    void theApplicantAndOfficersMayReadOthersMayNot() {
        PassportApplication a = PassportApplication.submit(UUID.randomUUID(), CITIZEN, ApplicationKind.REISSUE,
                Validity.FIVE_YEARS, 26, NOW);
        assertTrue(CITIZEN.mayRead(a));
        assertTrue(new Caller("officer-sub", null, true).mayRead(a));
        assertFalse(new Caller("sub-2", null, false).mayRead(a));
    }

    @Test
    void aResidentIdClaimThatIsNotAnIdLinksToNothing() {
        UUID id = UUID.randomUUID();
        assertEquals(id, Caller.residentIdOf(id.toString()));
        assertNull(Caller.residentIdOf(null));
        assertNull(Caller.residentIdOf(""));
        assertNull(Caller.residentIdOf("900101-1234567"));
    }
}
