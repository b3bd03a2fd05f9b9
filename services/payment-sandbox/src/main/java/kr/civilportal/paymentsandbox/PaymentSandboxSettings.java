package kr.civilportal.paymentsandbox;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * The sandbox provider's settings ({@code portal.payment-sandbox.*}). Values, with the %dev/%test differences, are
 * in application.properties; the secrets and addresses have no default in %prod, so a production start without them
 * fails rather than run with a key everyone knows. infra/portal gives every portal fresh random secrets.
 */
@ConfigMapping(prefix = "portal.payment-sandbox")
public interface PaymentSandboxSettings {

    /** The key services send as {@code Authorization: Bearer <api-key>} on every {@code /v1/**} call. */
    String apiKey();

    /** Where every payment and refund change is POSTed (the portal's notification endpoint). */
    String webhookUrl();

    /** The HMAC-SHA256 key of the {@code Payment-Signature} header; shared with the receiver only. */
    String webhookSecret();

    /** This provider's own base URL as browsers reach it: {@code nextUrl} is {@code <public-url>/pay/<id>}. */
    String publicUrl();

    /** How long a created payment may be paid (30m); after it the payment is EXPIRED. */
    Duration paymentLifetime();

    /** The largest amount one payment may have, in won (10,000,000, as the contract says). */
    long maxAmount();

    Expiry expiry();

    Webhook webhook();

    Events events();

    interface Expiry {

        /** How often the job expires payments past their deadline (a scheduler interval, e.g. 30s). */
        String every();

        /** Payments expired per transaction, so one run never locks many rows at once. */
        int batchSize();
    }

    interface Webhook {

        /** How often the delivery job looks for due events (a scheduler interval, e.g. 1s). */
        String every();

        /** Events claimed per run. */
        int batchSize();

        /** The pause after the first failed attempt (1s); it doubles after every further failure. */
        Duration firstRetry();

        /** The longest pause between two attempts (5m). */
        Duration maxRetry();

        /** An event not delivered this long after it was written is parked and logged (24h). */
        Duration giveUpAfter();

        Duration connectTimeout();

        /** The longest one attempt may take; an event claimed is not claimed again before it has passed. */
        Duration requestTimeout();
    }

    interface Events {

        /** {@code GET /v1/events} without a payment id lists the latest this many. */
        int listLimit();
    }
}
