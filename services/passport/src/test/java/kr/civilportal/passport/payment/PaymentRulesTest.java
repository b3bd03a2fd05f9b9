package kr.civilportal.passport.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.civilportal.passport.application.ApplicationStatus;
import org.junit.jupiter.api.Test;

class PaymentRulesTest {

    private static final List<String> PREFIXES = List.of("https://portal.example/my/");
    private static final Instant NOW = Instant.parse("2026-05-01T03:00:00Z");

    @Test
    void aSucceededPaymentReceivesTheApplicationWaitingForIt() {
        assertEquals(PaymentRules.Outcome.RECEIVE,
                PaymentRules.onSucceeded(ApplicationStatus.AWAITING_PAYMENT, false, 52_000, 52_000));
    }

    @Test
    void aSecondPaymentOrOneForAnApplicationNoLongerWaitingIsRefunded() {
        assertEquals(PaymentRules.Outcome.REFUND,
                PaymentRules.onSucceeded(ApplicationStatus.AWAITING_PAYMENT, true, 52_000, 52_000));
        for (ApplicationStatus status : ApplicationStatus.values()) {
            if (status != ApplicationStatus.AWAITING_PAYMENT) {
                assertEquals(PaymentRules.Outcome.REFUND, PaymentRules.onSucceeded(status, false, 52_000, 52_000));
            }
        }
    }

    @Test
    void anotherAmountIsNeverApplied() {
        assertEquals(PaymentRules.Outcome.AMOUNT_MISMATCH,
                PaymentRules.onSucceeded(ApplicationStatus.AWAITING_PAYMENT, false, 52_000, 51_000));
        assertEquals(PaymentRules.Outcome.AMOUNT_MISMATCH,
                PaymentRules.onSucceeded(ApplicationStatus.SUBMITTED, true, 52_000, 520_000));
    }

    @Test
    void theProviderSendsTheCitizenBackOnlyToThePortalsPages() {
        assertTrue(PaymentRules.returnUrlAllowed("https://portal.example/my/petitions/passport/1?payment=returned", PREFIXES));
        for (String url : new String[] {null, "", "https://portal.example/admin", "https://portal.example/my",
                "https://portal.example/my/../admin", "https://portal.example/my/./x", "https://user@portal.example/my/x",
                "https://portal.example.evil.example/my/", "javascript:alert(1)//https://portal.example/my/",
                "/my/petitions", "https://portal.example/my/\\evil", "https://portal.example/my/" + "x".repeat(500)}) {
            assertFalse(PaymentRules.returnUrlAllowed(url, PREFIXES), String.valueOf(url));
        }
        assertFalse(PaymentRules.returnUrlAllowed("https://portal.example/my/x", List.of("")), "an empty prefix allows nothing");
    }

    @Test
    void theReceiptIsTheFirstPaidPaymentWithItsRefund() {
        Payment cancelled = payment(1, PaymentState.CANCELLED, null);
        Payment paid = payment(2, PaymentState.PAID, NOW);
        PaymentView receipt = PaymentView.receipt(paid, null);
        assertEquals(PaymentView.ReceiptState.PAID, receipt.state());
        assertEquals("pay_2", receipt.paymentId());
        assertEquals(0, receipt.refundedAmountKrw());

        PaymentRefund refund = new PaymentRefund();
        refund.amountKrw = paid.amountKrw;
        assertEquals(PaymentView.ReceiptState.REFUND_PENDING, PaymentView.receipt(paid, refund).state());
        assertEquals(0, PaymentView.receipt(paid, refund).refundedAmountKrw());
        refund.refundedAt = NOW;
        refund.providerRefundId = "rfd_1";
        assertEquals(PaymentView.ReceiptState.REFUNDED, PaymentView.receipt(paid, refund).state());
        assertEquals(52_000, PaymentView.receipt(paid, refund).refundedAmountKrw());
        assertEquals(NOW, PaymentView.receipt(paid, refund).refundedAt());

        PaymentView awaiting = Receipts.of(List.of(cancelled, payment(3, PaymentState.CREATED, null)), NOW, 52_000);
        assertEquals(PaymentView.ReceiptState.AWAITING, awaiting.state());
        assertEquals("pay_3", awaiting.paymentId());
        assertNull(Receipts.of(List.of(cancelled), NOW, 52_000).paymentId(), "no open payment");
        assertEquals(52_000, Receipts.of(List.of(), NOW, 52_000).amountKrw());
    }

    @Test
    void paidAtTheCounterThePortalKnowsOnlyTheMethod() {
        PaymentView view = PaymentView.atCounter();
        assertEquals(PaymentMethod.AT_COUNTER, view.method());
        assertNull(view.state());
        assertNull(view.amountKrw());
    }

    private static Payment payment(int attempt, PaymentState state, Instant paidAt) {
        Payment p = new Payment();
        p.id = UUID.randomUUID();
        p.attempt = attempt;
        p.providerPaymentId = "pay_" + attempt;
        p.state = state;
        p.amountKrw = 52_000;
        p.createdAt = NOW.minusSeconds(60);
        p.expiresAt = NOW.plusSeconds(1800);
        p.paidAt = paidAt;
        return p;
    }
}
