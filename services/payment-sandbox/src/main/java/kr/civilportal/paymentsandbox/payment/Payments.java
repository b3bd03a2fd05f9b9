package kr.civilportal.paymentsandbox.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import kr.civilportal.paymentsandbox.Ids;
import kr.civilportal.paymentsandbox.PaymentSandboxSettings;
import kr.civilportal.paymentsandbox.problem.ProblemException;
import kr.civilportal.paymentsandbox.refund.Refund;
import kr.civilportal.paymentsandbox.webhook.WebhookOutbox;
import org.jboss.logging.Logger;

/**
 * Payments and their state changes. Every change and its webhook event are written in one transaction
 * ({@link WebhookOutbox}), so the portal hears of every change exactly as it was committed, even if this process
 * stops right after.
 */
@ApplicationScoped
public class Payments {

    private static final Logger LOG = Logger.getLogger(Payments.class);

    private final PaymentSandboxSettings settings;
    private final WebhookOutbox outbox;
    private final EntityManager em;

    Payments(PaymentSandboxSettings settings, WebhookOutbox outbox, EntityManager em) {
        this.settings = settings;
        this.outbox = outbox;
        this.em = em;
    }

    /** A created payment, or the one created earlier with the same key; {@code created} tells which. */
    public record Creation(PaymentView payment, boolean created) {
    }

    /** What the hosted page's payment attempt came to. */
    public record Payable(PaymentView payment, boolean paid) {
    }

    @Transactional
    public Creation create(String idempotencyKey, PaymentRequest request) {
        request.validate(settings.maxAmount());
        // Two concurrent creates with one key wait for each other here, so the second finds the first's row.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "payment-create:" + idempotencyKey).getSingleResult();
        Payment existing = Payment.find("idempotencyKey", idempotencyKey).firstResult();
        if (existing != null) {
            if (!existing.sameRequest(request)) {
                throw ProblemException.keyReused();
            }
            return new Creation(view(expireIfOverdue(existing)), false);
        }
        Instant now = now();
        Payment p = new Payment();
        p.id = Ids.next("pay_");
        p.idempotencyKey = idempotencyKey;
        p.amount = request.amount().longValueExact();
        p.currency = request.currency();
        p.reference = request.reference();
        p.description = request.description();
        p.returnUrl = request.returnUrl();
        p.state = PaymentState.CREATED;
        p.createdAt = now;
        p.expiresAt = now.plus(settings.paymentLifetime());
        p.persist();
        LOG.infof("Payment %s created: %d %s for reference %s", p.id, p.amount, p.currency, p.reference);
        return new Creation(view(p), true);
    }

    /** The payment as it is now: a CREATED one past its deadline is expired first (and its event written). */
    @Transactional
    public PaymentView get(String paymentId) {
        return view(expireIfOverdue(find(paymentId)));
    }

    /** A successful card payment from the hosted page; only the card's brand and last four digits come here. */
    @Transactional
    public Payable pay(String paymentId, String cardSummary) {
        Payment p = expireIfOverdue(lock(paymentId));
        if (p.state != PaymentState.CREATED) {
            return new Payable(view(p), false);
        }
        p.state = PaymentState.SUCCEEDED;
        p.paidAt = now();
        p.approvalNumber = Ids.approvalNumber();
        p.cardSummary = cardSummary;
        PaymentView view = view(p);
        outbox.record("payment.succeeded", view);
        LOG.infof("Payment %s succeeded, approval number %s", p.id, p.approvalNumber);
        return new Payable(view, true);
    }

    /** The citizen cancelled on the hosted page; a payment no longer open stays as it is. */
    @Transactional
    public PaymentView cancel(String paymentId) {
        Payment p = expireIfOverdue(lock(paymentId));
        if (p.state != PaymentState.CREATED) {
            return view(p);
        }
        p.state = PaymentState.CANCELLED;
        p.endedAt = now();
        PaymentView view = view(p);
        outbox.record("payment.cancelled", view);
        LOG.infof("Payment %s cancelled by the payer", p.id);
        return view;
    }

    /**
     * Expires at most {@code limit} payments past their deadline in one transaction; rows another replica holds
     * are skipped. Returns how many it expired.
     */
    @Transactional
    public int expireOverdue(int limit) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT id FROM payment WHERE state = 'CREATED' AND expires_at <= ?1"
                        + " ORDER BY expires_at LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now()).setParameter(2, limit).getResultList();
        for (String id : ids) {
            expireIfOverdue(Payment.<Payment>findById(id));
        }
        return ids.size();
    }

    /** The payment row locked for a change (refunds lock it too, so changes to one payment go one at a time). */
    public Payment lock(String paymentId) {
        Payment p = Payment.findById(paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw notFound();
        }
        return p;
    }

    public PaymentView view(Payment p) {
        return PaymentView.of(p, Refund.of(p.id), settings.publicUrl());
    }

    private Payment find(String paymentId) {
        Payment p = Payment.findById(paymentId);
        if (p == null) {
            throw notFound();
        }
        return p;
    }

    private Payment expireIfOverdue(Payment p) {
        if (!p.overdue(now())) {
            return p;
        }
        em.refresh(p, LockModeType.PESSIMISTIC_WRITE);
        if (p.overdue(now())) {
            p.state = PaymentState.EXPIRED;
            p.endedAt = now();
            outbox.record("payment.expired", view(p));
            LOG.infof("Payment %s expired unpaid", p.id);
        }
        return p;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such payment", "결제를 찾을 수 없습니다");
    }

    /** Times kept to the microsecond, as PostgreSQL stores them, so an answer equals the row read back later. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
