package kr.civilportal.passport.payment;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The payment provider in tests: an in-process double of the PG (a third party), keeping payments in memory with the
 * provider's rules that matter to passport (one payment per Idempotency-Key, one refund per key, a refund only of a
 * succeeded payment and never above its amount). A test marks a payment paid as the citizen would on the provider's
 * page, and may take the provider down. Everything on passport's side (REST, database, HMAC, the jobs) runs for real.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakePaymentProvider implements PaymentProvider {

    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private final Map<String, ProviderPayment> payments = new ConcurrentHashMap<>();
    private final Map<String, String> byKey = new ConcurrentHashMap<>();
    private final Map<String, ProviderRefund> refundsByKey = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile boolean down;
    private volatile Duration slowness = Duration.ZERO;

    @Override
    public synchronized ProviderPayment create(String idempotencyKey, NewPayment payment) {
        failIfDown();
        String existing = byKey.get(idempotencyKey);
        if (existing != null) {
            return payments.get(existing);
        }
        String id = "pay_test" + sequence.incrementAndGet();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ProviderPayment created = new ProviderPayment(id, ProviderPayment.CREATED, payment.amount(), payment.currency(),
                payment.reference(), payment.description(), payment.returnUrl(), "https://pg.example/pay/" + id, now,
                now.plus(LIFETIME), null, null, null, 0, List.of());
        payments.put(id, created);
        byKey.put(idempotencyKey, id);
        return created;
    }

    @Override
    public ProviderPayment get(String paymentId) {
        failIfDown();
        if (!slowness.isZero()) {
            try {
                Thread.sleep(slowness.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ProviderPayment payment = payments.get(paymentId);
        if (payment == null) {
            throw new UnknownPayment(paymentId);
        }
        return payment;
    }

    @Override
    public synchronized ProviderRefund refund(String paymentId, String idempotencyKey, long amountKrw, String reason) {
        failIfDown();
        ProviderRefund existing = refundsByKey.get(idempotencyKey);
        if (existing != null) {
            return existing;
        }
        ProviderPayment p = get(paymentId);
        if (!ProviderPayment.SUCCEEDED.equals(p.state()) || amountKrw < 1 || p.refundedAmount() + amountKrw > p.amount()) {
            throw new PaymentProviderException("HTTP 409");
        }
        ProviderRefund refund = new ProviderRefund("rfd_test" + sequence.incrementAndGet(), paymentId, amountKrw, reason,
                "SUCCEEDED", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        List<ProviderRefund> refunds = new ArrayList<>(p.refundsOrNone());
        refunds.add(refund);
        payments.put(paymentId, new ProviderPayment(p.paymentId(), p.state(), p.amount(), p.currency(), p.reference(),
                p.description(), p.returnUrl(), p.nextUrl(), p.createdAt(), p.expiresAt(), p.paidAt(),
                p.approvalNumber(), p.cardSummary(), p.refundedAmount() + amountKrw, List.copyOf(refunds)));
        refundsByKey.put(idempotencyKey, refund);
        return refund;
    }

    /** The citizen pays on the provider's page with the test card; returns the payment as the provider now has it. */
    public ProviderPayment markPaid(String paymentId) {
        return markPaid(paymentId, payments.get(paymentId).amount());
    }

    /** Paid, but the provider reports {@code amount} (a tampered or broken payment). */
    public synchronized ProviderPayment markPaid(String paymentId, long amount) {
        ProviderPayment p = payments.get(paymentId);
        ProviderPayment paid = new ProviderPayment(p.paymentId(), ProviderPayment.SUCCEEDED, amount, p.currency(),
                p.reference(), p.description(), p.returnUrl(), p.nextUrl(), p.createdAt(), p.expiresAt(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), String.format("%08d", sequence.incrementAndGet()),
                "VISA **** 4242", 0, List.of());
        payments.put(paymentId, paid);
        return paid;
    }

    public synchronized ProviderPayment markCancelled(String paymentId) {
        ProviderPayment p = payments.get(paymentId);
        ProviderPayment cancelled = new ProviderPayment(p.paymentId(), ProviderPayment.CANCELLED, p.amount(),
                p.currency(), p.reference(), p.description(), p.returnUrl(), p.nextUrl(), p.createdAt(), p.expiresAt(),
                null, null, null, 0, List.of());
        payments.put(paymentId, cancelled);
        return cancelled;
    }

    public ProviderPayment payment(String paymentId) {
        return payments.get(paymentId);
    }

    /** The refunds the provider made of a payment. */
    public List<ProviderRefund> refundsOf(String paymentId) {
        return payments.get(paymentId).refundsOrNone();
    }

    /** Each {@code get} takes this long (a slow provider; jobs running at once then overlap). */
    public void slowness(Duration slowness) {
        this.slowness = slowness;
    }

    public void down(boolean down) {
        this.down = down;
    }

    private void failIfDown() {
        if (down) {
            throw new IllegalStateException("The payment provider is down (test)");
        }
    }
}
