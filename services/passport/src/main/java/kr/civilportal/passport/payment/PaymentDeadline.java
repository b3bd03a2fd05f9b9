package kr.civilportal.passport.payment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import kr.civilportal.passport.PassportSettings;
import kr.civilportal.passport.application.ApplicationStatus;
import kr.civilportal.passport.application.PassportApplication;
import kr.civilportal.passport.workflow.Workflow;
import org.jboss.logging.Logger;

/**
 * 결제 기한: an application still waiting for its online fee ({@code AWAITING_PAYMENT}) longer than
 * {@code portal.passport.payment.awaiting-lifetime} after it was filed is ended: rejected (반려) by
 * {@code system:payment-deadline}, unless the provider says it was paid after all (a webhook lost or late), in which
 * case it is received exactly as the webhook would have received it ({@link Payments#apply}).
 *
 * <p>Each application is handled in its own short transaction: its row is claimed {@code FOR UPDATE SKIP LOCKED}
 * (replicas running this at once never take the same one), the provider is asked about its payments while the row is
 * locked (one call of at most the provider client's timeout, 1.5 s), and the decision is written before the lock is
 * let go. A webhook or the citizen's check arriving meanwhile waits for the lock and then finds the application
 * received (its payment PAID already: nothing more) or rejected (a success then is refunded, {@link PaymentRules}).
 * The provider down, or unsure, leaves the application as it is for the next run: nothing is ever rejected on a
 * provider failure.
 */
@ApplicationScoped
public class PaymentDeadline {

    private static final Logger LOG = Logger.getLogger(PaymentDeadline.class);

    /** What the deadline did to the applications it looked at. */
    public record Outcome(int rejected, int received, int leftForLater) {

        public int ended() {
            return rejected + received;
        }
    }

    private enum Ended { REJECTED, RECEIVED, LEFT, GONE }

    private final PaymentProvider provider;
    private final Payments payments;
    private final Workflow workflow;
    private final Duration lifetime;
    private final int batch;

    PaymentDeadline(PaymentProvider provider, Payments payments, Workflow workflow, PaymentSettings paymentSettings,
                    PassportSettings settings) {
        this.provider = provider;
        this.payments = payments;
        this.workflow = workflow;
        this.lifetime = paymentSettings.awaitingLifetime();
        this.batch = settings.paymentDeadline().batch();
    }

    /**
     * Every application filed before {@code now - awaiting-lifetime} and still waiting: each rejected, received, or
     * left (the provider not answering), in rounds of at most {@code batch}; another round follows while a round was
     * full and ended at least one (so a provider outage does not keep one replica asking for ever). An application
     * left is not asked about again in the same run.
     */
    public Outcome endOverdue(Instant now) {
        Instant filedBefore = now.minus(lifetime);
        List<UUID> seen = new ArrayList<>();
        int rejected = 0;
        int received = 0;
        int left = 0;
        boolean more = true;
        while (more) {
            int roundEnded = 0;
            int roundSeen = 0;
            while (roundSeen < batch) {
                UUID[] skip = seen.toArray(UUID[]::new);
                UUID[] taken = new UUID[1];
                Ended ended = QuarkusTransaction.requiringNew().call(() -> {
                    UUID id = claim(filedBefore, skip);
                    if (id == null) {
                        return Ended.GONE;
                    }
                    taken[0] = id;
                    return end(id);
                });
                if (ended == Ended.GONE) {
                    break;
                }
                seen.add(taken[0]);
                roundSeen++;
                switch (ended) {
                    case REJECTED -> { rejected++; roundEnded++; }
                    case RECEIVED -> { received++; roundEnded++; }
                    default -> left++;
                }
            }
            more = roundSeen == batch && roundEnded > 0;
        }
        return new Outcome(rejected, received, left);
    }

    /** The oldest waiting application past its deadline that no one else holds, locked; null if none. */
    private static UUID claim(Instant filedBefore, UUID[] skip) {
        @SuppressWarnings("unchecked")
        List<Object> ids = PassportApplication.getEntityManager().createNativeQuery("""
                SELECT a.id FROM passport_application a
                WHERE a.status = 'AWAITING_PAYMENT' AND a.submitted_at < ?1 AND a.id <> ALL (?2)
                ORDER BY a.submitted_at LIMIT 1
                FOR UPDATE SKIP LOCKED""")
                .setParameter(1, filedBefore).setParameter(2, skip).getResultList();
        return ids.isEmpty() ? null : (UUID) ids.get(0);
    }

    /** With the row locked: asks the provider, then receives, rejects or leaves it. */
    private Ended end(UUID applicationId) {
        // Every payment still open here, newest first: the latest is the one the citizen last tried, but an older one
        // paid in its last second and never reported must not be missed either (create() only opens a new payment
        // once the previous one has expired here, not at the provider).
        List<Payment> open = new ArrayList<>(Payment.ofApplication(applicationId).stream()
                .filter(p -> p.state == PaymentState.CREATED).toList());
        Collections.reverse(open);
        List<ProviderPayment> answers = new ArrayList<>();
        for (Payment payment : open) {
            try {
                answers.add(provider.get(payment.providerPaymentId));
            } catch (PaymentProvider.UnknownPayment e) {
                // An answer: the provider has no such payment, so nothing of it was paid.
            } catch (RuntimeException e) {
                LOG.infof("The payment provider did not say whether application %s was paid; its payment deadline "
                        + "is applied on a later run: %s", applicationId, e.getClass().getSimpleName());
                return Ended.LEFT;
            }
        }
        for (ProviderPayment answer : answers) {
            // The webhook's own path (idempotent): a success receives the application, a cancel or expiry closes it.
            payments.apply(answer);
        }
        // The same managed row apply() may just have changed (one persistence context per transaction).
        PassportApplication application = PassportApplication.findById(applicationId);
        if (application.status == ApplicationStatus.SUBMITTED) {
            LOG.infof("Application %s was paid at the provider without a webhook; received at its payment deadline",
                    applicationId);
            return Ended.RECEIVED;
        }
        if (application.status != ApplicationStatus.AWAITING_PAYMENT) {
            return Ended.LEFT;
        }
        workflow.rejectUnpaid(application, application.submittedAt.plus(lifetime));
        LOG.infof("Application %s rejected: its fee was not paid by its payment deadline", applicationId);
        return Ended.REJECTED;
    }
}
