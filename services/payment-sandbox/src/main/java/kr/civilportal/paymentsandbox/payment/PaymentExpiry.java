package kr.civilportal.paymentsandbox.payment;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import kr.civilportal.paymentsandbox.PaymentSandboxSettings;

/**
 * Expires payments left unpaid past their deadline, so that the portal hears {@code payment.expired} even if
 * nobody reads the payment again. In batches, each its own transaction; replicas skip each other's rows.
 */
@ApplicationScoped
public class PaymentExpiry {

    private final Payments payments;
    private final PaymentSandboxSettings settings;

    PaymentExpiry(Payments payments, PaymentSandboxSettings settings) {
        this.payments = payments;
        this.settings = settings;
    }

    @Scheduled(identity = "payment-expiry", every = "${portal.payment-sandbox.expiry.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOverdue() {
        int batch = settings.expiry().batchSize();
        while (payments.expireOverdue(batch) == batch) {
            // a full batch: there may be more
        }
    }
}
