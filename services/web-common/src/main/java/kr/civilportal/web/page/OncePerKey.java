package kr.civilportal.web.page;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Double submission of a page's form is harmless: each form carries a random key (hidden field, also sent to
 * the service as Idempotency-Key where the service supports it); a resend with the same key by the same user
 * waits for the first and gets the same result page instead of doing the work twice. Only successes are
 * remembered (a refused form may be corrected and resent); entries expire after
 * {@code portal.web.idempotency.retention}. In memory: a resend reaches the same gateway within seconds, and
 * services that must never duplicate (119 reports, bookings) check the key themselves as well.
 */
@ApplicationScoped
public class OncePerKey {

    private record Entry(CompletableFuture<URI> result, Instant created) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration retention;
    private final Duration maxWait;

    OncePerKey(@ConfigProperty(name = "portal.web.idempotency.retention", defaultValue = "PT30M") Duration retention,
            @ConfigProperty(name = "portal.web.idempotency.max-wait", defaultValue = "PT30S") Duration maxWait) {
        this.retention = retention;
        this.maxWait = maxWait;
    }

    /** Runs {@code work} once per (scope, key); returns where the result page is. */
    public URI run(String scope, String key, Supplier<URI> work) {
        purgeExpired();
        if (key == null || key.isBlank()) {
            return work.get();
        }
        String id = scope + "\u0000" + key;
        CompletableFuture<URI> mine = new CompletableFuture<>();
        Entry existing = entries.putIfAbsent(id, new Entry(mine, Instant.now()));
        if (existing != null) {
            try {
                return existing.result().get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                // The first attempt failed (or is stuck): this one does the work itself.
                entries.remove(id, existing);
                return run(scope, key, work);
            }
        }
        try {
            URI result = work.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            entries.remove(id);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private void purgeExpired() {
        Instant oldest = Instant.now().minus(retention);
        entries.entrySet().removeIf(e -> e.getValue().created().isBefore(oldest));
    }
}
