package kr.civilportal.passport.payment;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The {@link PaymentView} of an application paid online, read from its payments (inside the caller's transaction). */
public final class Receipts {

    private Receipts() {
    }

    public static PaymentView of(UUID applicationId, int feeKrw) {
        return of(Payment.ofApplication(applicationId), Instant.now(), feeKrw);
    }

    /**
     * The receipt is the first payment that succeeded (the one that had the application received); a later duplicate
     * is refunded on its own and is not the citizen's receipt. Before any: the fee due and the open payment.
     */
    static PaymentView of(List<Payment> payments, Instant now, int feeKrw) {
        Payment paid = payments.stream().filter(p -> p.state == PaymentState.PAID)
                .min(Comparator.comparing((Payment p) -> p.paidAt).thenComparing(p -> p.attempt)).orElse(null);
        if (paid != null) {
            return PaymentView.receipt(paid, PaymentRefund.ofPayment(paid.id));
        }
        Payment open = payments.stream().filter(p -> p.isOpen(now)).reduce((a, b) -> b).orElse(null);
        return PaymentView.awaiting(open == null ? feeKrw : open.amountKrw, open == null ? null : open.providerPaymentId);
    }
}
