package kr.civilportal.paymentsandbox.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.civilportal.paymentsandbox.PaymentSandboxSettings;
import kr.civilportal.paymentsandbox.payment.Payments;
import org.jboss.logging.Logger;

/**
 * Sends due webhook events to {@code webhook-url}, signed, until one is answered 2xx. Safe with several replicas:
 * a run claims its events with {@code FOR UPDATE SKIP LOCKED} and, in that short transaction, moves their next
 * attempt past the request timeout (a lease); the HTTP calls then run outside any transaction, so no row lock is
 * held while the receiver thinks, and a replica that dies mid-call leaves its events to be sent again once the
 * lease has passed. Every attempt of an event sends the same body and eventId, so the receiver can apply it once.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    /** The longest receiver error text kept in last_error (the column's size). */
    private static final int ERROR_MAX = 500;

    private final PaymentSandboxSettings settings;
    private final EntityManager em;
    private final RetryBackoff backoff;
    private final HttpClient http;

    WebhookDelivery(PaymentSandboxSettings settings, EntityManager em) {
        this.settings = settings;
        this.em = em;
        this.backoff = new RetryBackoff(settings.webhook().firstRetry(), settings.webhook().maxRetry());
        this.http = HttpClient.newBuilder().connectTimeout(settings.webhook().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(identity = "webhook-delivery", every = "${portal.payment-sandbox.webhook.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        for (Claimed event : QuarkusTransaction.requiringNew().call(this::claimDue)) {
            Attempt attempt = send(event);
            QuarkusTransaction.requiringNew().run(() -> record(event, attempt));
        }
    }

    record Claimed(String id, String type, String body, Instant createdAt) {
    }

    record Attempt(Instant at, Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    List<Claimed> claimDue() {
        Instant now = Payments.now();
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT id FROM webhook_event WHERE delivered_at IS NULL"
                        + " AND parked_at IS NULL AND next_attempt_at <= ?1 ORDER BY next_attempt_at LIMIT ?2"
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, settings.webhook().batchSize()).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        // The lease: nobody claims these again before every call of this run could have timed out.
        Instant lease = now.plus(settings.webhook().requestTimeout().multipliedBy(ids.size()))
                .plus(settings.webhook().connectTimeout());
        List<WebhookEvent> events = WebhookEvent.list("id in ?1", ids);
        for (WebhookEvent e : events) {
            e.nextAttemptAt = lease;
        }
        return events.stream().map(e -> new Claimed(e.id, e.type, e.body, e.createdAt)).toList();
    }

    Attempt send(Claimed event) {
        Instant at = Payments.now();
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.webhookUrl()))
                .timeout(settings.webhook().requestTimeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.header(settings.webhookSecret(), at, event.body()))
                .POST(HttpRequest.BodyPublishers.ofString(event.body()))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Attempt(at, response.statusCode(), null);
        } catch (IOException e) {
            return new Attempt(at, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(at, null, "interrupted");
        }
    }

    void record(Claimed claimed, Attempt attempt) {
        WebhookEvent event = WebhookEvent.findById(claimed.id());
        event.attempts++;
        event.lastAttemptAt = attempt.at();
        event.lastStatus = attempt.status();
        event.lastError = attempt.error() == null ? null
                : attempt.error().substring(0, Math.min(ERROR_MAX, attempt.error().length()));
        Instant now = Payments.now();
        if (attempt.delivered()) {
            event.deliveredAt = now;
            LOG.infof("Webhook %s (%s) delivered after %d attempt(s)", event.id, event.type, event.attempts);
            return;
        }
        String outcome = attempt.status() != null ? "HTTP " + attempt.status() : attempt.error();
        if (!Duration.between(event.createdAt, now).minus(settings.webhook().giveUpAfter()).isNegative()) {
            event.parkedAt = now;
            LOG.errorf("Webhook %s (%s, payment %s) parked after %d attempts over %s; last: %s", event.id, event.type,
                    event.paymentId, event.attempts, settings.webhook().giveUpAfter(), outcome);
            return;
        }
        event.nextAttemptAt = now.plus(backoff.after(event.attempts));
        LOG.warnf("Webhook %s (%s) attempt %d failed (%s); next at %s", event.id, event.type, event.attempts, outcome,
                event.nextAttemptAt);
    }
}
