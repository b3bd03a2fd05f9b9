package kr.civilportal.passport.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import io.quarkus.narayana.jta.QuarkusTransaction;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.passport.application.ApplicationStatus;
import kr.civilportal.passport.application.Caller;
import kr.civilportal.passport.application.PassportApplication;
import kr.civilportal.passport.deadline.ProcessingDeadlines;
import kr.civilportal.passport.workflow.ApplicationEvents;
import kr.civilportal.passport.workflow.StatusChange;
import org.jboss.logging.Logger;

/**
 * Online payment of an application's fee: creating the payment at the provider, and applying what the provider
 * says about it (its webhook, or the citizen's check on coming back), always in one transaction with the
 * application's row locked, so a webhook and a check arriving together apply a payment once. Logs name ids only:
 * never a card summary together with a person, never the API key or the webhook secret.
 */
@ApplicationScoped
public class Payments {

    private static final Logger LOG = Logger.getLogger(Payments.class);

    public static final ProblemType PAYMENT_NOT_DUE = new ProblemType("payment-not-due", "No payment due", 409);
    public static final ProblemType PROVIDER_UNAVAILABLE =
            new ProblemType("payment-provider-unavailable", "Payment provider unavailable", 503);
    /** Who the history names for the step a payment makes: no person acted. */
    public static final String PAYMENT_ACTOR = "system:payment";
    /** What the citizen sees on the provider's page and statement (적요). */
    static final String DESCRIPTION = "여권 발급 수수료";
    static final String DUPLICATE_REFUND_REASON = "중복 결제 환불 (the fee was paid already)";

    private final Clock clock = Clock.systemUTC();

    @Inject
    PaymentProvider provider;

    @Inject
    PaymentSettings settings;

    @Inject
    ProcessingDeadlines deadlines;

    @Inject
    PaymentRefunds refunds;

    @Inject
    ApplicationEvents events;

    /** The answer to a payment's creation: where to send the citizen's browser. */
    public record PaymentCreated(String paymentId, PaymentState state, int amountKrw, String nextUrl) {
    }

    /**
     * Creates the payment of an application waiting for it, or answers the open one again. Runs in the caller's
     * transaction (with its Idempotency-Key's stored answer): the provider call is inside it, bounded by its timeout,
     * and is itself idempotent by its key {@code passport-<id>-<n>} (n = the payments recorded + 1), so a rollback
     * after the provider created one makes the next try get the same payment back, never a second one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PaymentCreated create(Caller applicant, UUID applicationId, String returnUrl) {
        if (!PaymentRules.returnUrlAllowed(returnUrl, settings.returnUrlPrefixes())) {
            throw ProblemException.invalidField("returnUrl", "must be a page of the portal (an absolute http(s) URL "
                    + "beginning with one of the configured return URL prefixes)", "결제 후 돌아올 주소가 올바르지 않습니다.");
        }
        PassportApplication application = PassportApplication.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (application == null || !applicant.subject().equals(application.applicantSubject)) {
            throw ProblemException.notFound("No such passport application.", "해당 여권 발급 신청을 찾을 수 없습니다.");
        }
        if (application.status != ApplicationStatus.AWAITING_PAYMENT) {
            throw new ProblemException(PAYMENT_NOT_DUE, "This application's fee is not to be paid online now (it is "
                    + application.status + ", paid " + application.paymentMethod + ").",
                    "온라인으로 결제할 수수료가 없습니다.");
        }
        Instant now = now();
        List<Payment> payments = Payment.ofApplication(applicationId);
        for (Payment open : payments) {
            if (open.isOpen(now)) {
                return created(open);
            }
        }
        int attempt = payments.size() + 1;
        int amount = application.fee().totalKrw();
        ProviderPayment remote;
        try {
            remote = provider.create("passport-" + applicationId + "-" + attempt,
                    new NewPayment(amount, NewPayment.KRW, applicationId.toString(), DESCRIPTION, returnUrl));
        } catch (RuntimeException e) {
            LOG.warnf("The payment provider could not create payment %d of application %s: %s", attempt,
                    applicationId, e.getClass().getSimpleName());
            throw unavailable();
        }
        if (remote == null || remote.paymentId() == null || remote.amount() != amount
                || !applicationId.toString().equals(remote.reference()) || remote.nextUrl() == null) {
            LOG.errorf("The payment provider answered payment %d of application %s with another payment", attempt,
                    applicationId);
            throw unavailable();
        }
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.applicationId = applicationId;
        payment.attempt = attempt;
        payment.providerPaymentId = remote.paymentId();
        payment.state = PaymentState.CREATED;
        payment.amountKrw = amount;
        payment.nextUrl = remote.nextUrl();
        payment.createdAt = remote.createdAt() == null ? now : remote.createdAt();
        payment.expiresAt = remote.expiresAt() == null ? now : remote.expiresAt();
        payment.persistAndFlush();
        LOG.infof("Payment %s created for application %s", payment.providerPaymentId, applicationId);
        return created(payment);
    }

    /**
     * The citizen is back from the provider: each payment still CREATED here is asked about and what the provider
     * says is applied. The provider down, or one payment unknown to it, leaves things as they are (no error: the
     * webhook will tell, or the citizen checks again).
     */
    public void check(Caller applicant, UUID applicationId) {
        List<String> open = QuarkusTransaction.requiringNew().call(() -> {
            PassportApplication application = PassportApplication.findById(applicationId);
            if (application == null || !applicant.subject().equals(application.applicantSubject)) {
                throw ProblemException.notFound("No such passport application.", "해당 여권 발급 신청을 찾을 수 없습니다.");
            }
            return Payment.ofApplication(applicationId).stream().filter(p -> p.state == PaymentState.CREATED)
                    .map(p -> p.providerPaymentId).toList();
        });
        for (String paymentId : open) {
            ProviderPayment remote;
            try {
                remote = provider.get(paymentId);
            } catch (RuntimeException e) {
                LOG.infof("The payment provider could not say how payment %s stands: %s", paymentId,
                        e.getClass().getSimpleName());
                continue;
            }
            QuarkusTransaction.requiringNew().run(() -> apply(remote));
        }
    }

    /** What a webhook event did. */
    public enum Notified {
        APPLIED, ALREADY_SEEN, UNKNOWN_PAYMENT
    }

    /**
     * A verified webhook event: applied once per event id (the provider retries until answered 2xx, with the same
     * id). The event id is recorded in the same transaction as its effect, so a failure leaves it to be retried.
     */
    @Transactional
    public Notified notified(String eventId, String type, ProviderPayment payment) {
        int inserted = PassportApplication.getEntityManager().createNativeQuery("""
                INSERT INTO passport_payment_notification (event_id, type, provider_payment_id, received_at)
                VALUES (?1, ?2, ?3, ?4) ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, eventId).setParameter(2, type)
                .setParameter(3, payment == null ? null : payment.paymentId()).setParameter(4, now())
                .executeUpdate();
        if (inserted == 0) {
            return Notified.ALREADY_SEEN;
        }
        if (payment == null || payment.paymentId() == null || !apply(payment)) {
            LOG.infof("Payment notification %s (%s) names no payment of passport's; acknowledged", eventId, type);
            return Notified.UNKNOWN_PAYMENT;
        }
        return Notified.APPLIED;
    }

    /**
     * Applies what the provider says of a payment (the same for webhook and check); false if passport has no such
     * payment. The application's row is locked first, then the payment read, so two of these at once are serialised.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean apply(ProviderPayment remote) {
        Payment known = Payment.byProviderId(remote.paymentId());
        if (known == null) {
            return false;
        }
        PassportApplication application = PassportApplication.findById(known.applicationId,
                LockModeType.PESSIMISTIC_WRITE);
        Payment payment = Payment.findById(known.id);
        PassportApplication.getEntityManager().refresh(payment);
        switch (remote.state() == null ? "" : remote.state()) {
            case ProviderPayment.SUCCEEDED -> succeeded(application, payment, remote);
            case ProviderPayment.CANCELLED -> ended(payment, PaymentState.CANCELLED);
            case ProviderPayment.EXPIRED -> ended(payment, PaymentState.EXPIRED);
            default -> {
                // CREATED: nothing happened yet.
            }
        }
        if (!remote.refundsOrNone().isEmpty()) {
            refunds.confirmedByProvider(payment, remote);
        }
        return true;
    }

    private void succeeded(PassportApplication application, Payment payment, ProviderPayment remote) {
        if (payment.state == PaymentState.PAID) {
            return;
        }
        boolean anotherPaid = Payment.count("applicationId = ?1 and state = ?2 and id <> ?3", application.id,
                PaymentState.PAID, payment.id) > 0;
        PaymentRules.Outcome outcome = PaymentRules.onSucceeded(application.status, anotherPaid, payment.amountKrw,
                remote.amount());
        if (outcome == PaymentRules.Outcome.AMOUNT_MISMATCH) {
            LOG.errorf("Payment %s of application %s succeeded for %d KRW, not the %d recorded: not applied",
                    payment.providerPaymentId, application.id, remote.amount(), payment.amountKrw);
            return;
        }
        Instant now = now();
        payment.state = PaymentState.PAID;
        payment.paidAt = remote.paidAt() == null ? now : remote.paidAt().truncatedTo(ChronoUnit.MICROS);
        payment.approvalNumber = remote.approvalNumber();
        payment.cardSummary = remote.cardSummary();
        if (outcome == PaymentRules.Outcome.RECEIVE) {
            application.status = ApplicationStatus.SUBMITTED;
            application.updatedAt = now;
            // 처리기한 counts from the day the fee was paid: the application is received then.
            application.dueOn = deadlines.dueOn(payment.paidAt);
            StatusChange.record(application.id, ApplicationStatus.AWAITING_PAYMENT, ApplicationStatus.SUBMITTED,
                    PAYMENT_ACTOR, "수수료 결제 (승인번호 " + payment.approvalNumber + ")", null, now);
            events.moved(application, ApplicationStatus.SUBMITTED, null, null);
            LOG.infof("Application %s received: payment %s succeeded", application.id, payment.providerPaymentId);
        } else {
            refunds.request(payment, DUPLICATE_REFUND_REASON, now);
            LOG.infof("Payment %s of application %s (already paid or no longer waiting) is to be refunded",
                    payment.providerPaymentId, application.id);
        }
    }

    private static void ended(Payment payment, PaymentState state) {
        if (payment.state == PaymentState.CREATED) {
            payment.state = state;
        }
    }

    private static PaymentCreated created(Payment payment) {
        return new PaymentCreated(payment.providerPaymentId, payment.state, payment.amountKrw, payment.nextUrl);
    }

    private static ProblemException unavailable() {
        return new ProblemException(PROVIDER_UNAVAILABLE, "The payment provider cannot be reached now; the "
                + "application still waits for its payment. Try again in a few minutes.",
                "결제 대행사에 연결할 수 없습니다. 신청은 결제 대기 상태로 유지됩니다. 잠시 후 다시 시도해 주세요.");
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
