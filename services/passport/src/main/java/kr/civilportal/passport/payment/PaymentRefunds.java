package kr.civilportal.passport.payment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import kr.civilportal.passport.application.PassportApplication;
import kr.civilportal.passport.identity.RetrySchedule;
import org.jboss.logging.Logger;

/**
 * Refunds (환불): asked in the transaction that decides them (outbox), sent to the provider by
 * {@link PaymentRefundJob}. Safe with several replicas: a round claims rows {@code FOR UPDATE SKIP LOCKED} and pushes
 * their next attempt a lease ahead before committing (a crashed replica's claim lapses), the provider call runs
 * outside any transaction with the row id as its Idempotency-Key (a refund sent twice is one refund), and the outcome
 * is written in a short transaction that re-checks the row.
 */
@ApplicationScoped
public class PaymentRefunds {

    private static final Logger LOG = Logger.getLogger(PaymentRefunds.class);

    static final String REJECTION_REASON = "반려에 따른 수수료 환불 (the application was rejected)";

    private final Clock clock = Clock.systemUTC();
    private final PaymentProvider provider;
    private final PaymentSettings.Refund settings;
    private final RetrySchedule schedule;

    PaymentRefunds(PaymentProvider provider, PaymentSettings settings) {
        this.provider = provider;
        this.settings = settings.refund();
        this.schedule = new RetrySchedule(this.settings.retryBase(), this.settings.retryMax());
    }

    /**
     * The application is being rejected (an officer, or the supplement deadline): each of its paid payments not yet
     * refunded gets its refund row, in the rejection's transaction. Rejected before payment: nothing to refund.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onRejection(PassportApplication application, Instant now) {
        if (application.paymentMethod != PaymentMethod.ONLINE) {
            return;
        }
        for (Payment payment : Payment.ofApplication(application.id)) {
            if (payment.state == PaymentState.PAID) {
                request(payment, REJECTION_REASON, now);
            }
        }
    }

    /** A full refund of {@code payment}, once: a payment refunded already is left as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    void request(Payment payment, String reason, Instant now) {
        if (PaymentRefund.ofPayment(payment.id) != null) {
            return;
        }
        PaymentRefund refund = new PaymentRefund();
        refund.id = UUID.randomUUID();
        refund.paymentId = payment.id;
        refund.amountKrw = payment.amountKrw;
        refund.reason = reason;
        refund.requestedAt = now;
        refund.nextAttemptAt = now;
        refund.persist();
        LOG.infof("Refund %s of payment %s requested", refund.id, payment.providerPaymentId);
    }

    /** The provider reports refunds of {@code payment} (webhook or check): a pending refund row it covers is done. */
    @Transactional(Transactional.TxType.MANDATORY)
    void confirmedByProvider(Payment payment, ProviderPayment remote) {
        PaymentRefund refund = PaymentRefund.ofPayment(payment.id);
        if (refund == null || refund.done() || remote.refundedAmount() < refund.amountKrw) {
            return;
        }
        ProviderRefund last = remote.refundsOrNone().get(remote.refundsOrNone().size() - 1);
        done(refund, last);
    }

    private record Claimed(UUID refundId, String providerPaymentId, int amountKrw, String reason) {
    }

    /** One round: the refunds due, each sent once; returns how many were done. */
    public int runDue() {
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        int done = 0;
        for (Claimed c : claimed) {
            ProviderRefund answer;
            try {
                answer = provider.refund(c.providerPaymentId(), c.refundId().toString(), c.amountKrw(), c.reason());
            } catch (RuntimeException e) {
                QuarkusTransaction.requiringNew().run(() -> failed(c.refundId()));
                LOG.warnf("Refund %s of payment %s failed, to be retried: %s", c.refundId(), c.providerPaymentId(),
                        e.getClass().getSimpleName());
                continue;
            }
            QuarkusTransaction.requiringNew().run(() -> {
                PaymentRefund refund = PaymentRefund.findById(c.refundId());
                if (!refund.done()) {
                    done(refund, answer);
                }
            });
            done++;
        }
        return done;
    }

    @SuppressWarnings("unchecked")
    private List<Claimed> claim() {
        Instant now = now();
        var em = PassportApplication.getEntityManager();
        List<Object[]> rows = em.createNativeQuery("""
                SELECT r.id, p.provider_payment_id, r.amount_krw, r.reason FROM passport_payment_refund r
                JOIN passport_payment p ON p.id = r.payment_id
                WHERE r.refunded_at IS NULL AND r.next_attempt_at <= ?1
                ORDER BY r.next_attempt_at LIMIT ?2
                FOR UPDATE OF r SKIP LOCKED""")
                .setParameter(1, now).setParameter(2, settings.batch()).getResultList();
        List<Claimed> claimed = rows.stream().map(r -> new Claimed((UUID) r[0], (String) r[1],
                ((Number) r[2]).intValue(), (String) r[3])).toList();
        if (!claimed.isEmpty()) {
            em.createNativeQuery("UPDATE passport_payment_refund SET next_attempt_at = ?1 WHERE id = ANY (?2)")
                    .setParameter(1, now.plus(settings.lease()))
                    .setParameter(2, claimed.stream().map(Claimed::refundId).toArray(UUID[]::new)).executeUpdate();
        }
        return claimed;
    }

    private void failed(UUID refundId) {
        PaymentRefund refund = PaymentRefund.findById(refundId);
        if (refund.done()) {
            return;
        }
        refund.attempts++;
        refund.nextAttemptAt = schedule.nextAttempt(now(), refund.attempts);
    }

    private void done(PaymentRefund refund, ProviderRefund answer) {
        refund.providerRefundId = answer.refundId();
        refund.refundedAt = answer.createdAt() == null ? now() : answer.createdAt().truncatedTo(ChronoUnit.MICROS);
        LOG.infof("Refund %s done at the provider as %s", refund.id, refund.providerRefundId);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
