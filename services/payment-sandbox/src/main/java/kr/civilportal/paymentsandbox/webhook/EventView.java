package kr.civilportal.paymentsandbox.webhook;

import java.time.Instant;

/** A webhook event with where its delivery stands ({@code GET /v1/events}, for tests and developers). */
public record EventView(String eventId, String type, String paymentId, Instant createdAt, String deliveryState,
                        int attempts, Instant lastAttemptAt, Integer lastStatus, String lastError,
                        Instant nextAttemptAt, Instant deliveredAt, Instant parkedAt) {

    static EventView of(WebhookEvent e) {
        return new EventView(e.id, e.type, e.paymentId, e.createdAt, e.deliveryState(), e.attempts, e.lastAttemptAt,
                e.lastStatus, e.lastError, e.deliveredAt == null && e.parkedAt == null ? e.nextAttemptAt : null,
                e.deliveredAt, e.parkedAt);
    }
}
