package kr.civilportal.passport.payment;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;

/**
 * Online payment of the fee (수수료 온라인 결제), {@code portal.passport.payment.*}. Values only in
 * application.properties: dev has the payment sandbox's dev defaults, test its own, production none for the
 * provider's address and secrets (the launcher or the deployment passes them; without them the service does not start).
 */
@ConfigMapping(prefix = "portal.passport.payment")
public interface PaymentSettings {

    /** The provider's base URL (the payment sandbox, {@code http://localhost:8087} in dev); read by the REST client. */
    String providerUrl();

    /** The API key sent as {@code Authorization: Bearer} on every call to the provider. Never logged. */
    String apiKey();

    /** The shared secret of the webhook's {@code Payment-Signature} (HMAC-SHA256). Never logged. */
    String webhookSecret();

    /**
     * Where the provider may send the citizen's browser back: a payment's {@code returnUrl} must start with one of
     * these (citizen-web's pages), so the portal never makes the provider redirect a citizen to someone else's site.
     */
    List<String> returnUrlPrefixes();

    /**
     * How far a webhook's signed timestamp may be from now (5 min, as Stripe and Toss do): an old notification
     * captured on the way cannot be replayed later, and clocks a little apart still agree.
     */
    Duration signatureTolerance();

    /**
     * How long after it was filed an application may wait for its online fee (3 days) before it is rejected
     * (PaymentDeadline). The provider's payment lives 30 minutes and the citizen may start a new one, so 3 days
     * leaves a citizen who filed on a Friday evening the weekend to pay, while an abandoned application does not wait
     * for ever; its fee was fixed on the day it was filed, so a short life also keeps it from straddling a fee change.
     */
    Duration awaitingLifetime();

    /** The refunds of paid applications that were rejected (outbox, {@link PaymentRefundJob}). */
    Refund refund();

    interface Refund {

        /** How often the job looks for refunds to send (30 s; 1 s in tests). */
        Duration every();

        /** The first round's delay after start, so a starting replica first serves. */
        Duration delayed();

        /** The pause after a refund's first failed call (10 s), doubling per failure ({@code RetrySchedule}). */
        Duration retryBase();

        /** The longest pause between two tries (30 min): a long provider outage is not hammered. */
        Duration retryMax();

        /**
         * How long a replica holds a claimed refund (1 min): longer than the provider call, so that another replica
         * does not send it meanwhile; a crashed replica's claim lapses after it.
         */
        Duration lease();

        /** The most refunds one round takes (20), so a round stays short. */
        int batch();
    }
}
