package kr.civilportal.common.identity;

import io.quarkus.oidc.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Whether this app can check tokens, as Quarkus OIDC reports it: its {@code OIDC_SERVER_NOT_AVAILABLE} and
 * {@code OIDC_SERVER_AVAILABLE} events, and each request refused because the identity provider could not be
 * reached. Read by the readiness detail and written to the log at most once per interval, with a count.
 */
@ApplicationScoped
public class IdentityProviderState {

    private static final Logger LOG = Logger.getLogger(IdentityProviderState.class);

    private final IdentityProviderConfig config;
    private final Clock clock;
    /** Since when the identity provider cannot be reached; null while it can. */
    private final AtomicReference<Instant> unavailableSince = new AtomicReference<>();
    private final AtomicLong refusedSinceLastLine = new AtomicLong();
    private final AtomicReference<Instant> lastLine = new AtomicReference<>(Instant.EPOCH);

    @Inject
    IdentityProviderState(IdentityProviderConfig config) {
        this(config, Clock.systemUTC());
    }

    IdentityProviderState(IdentityProviderConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    void onOidcEvent(@Observes SecurityEvent event) {
        if (event.getEventType() == SecurityEvent.Type.OIDC_SERVER_NOT_AVAILABLE) {
            becameUnavailable("sign-in and refresh are unavailable; how tokens are checked meanwhile is in the readiness"
                    + " detail identity-provider");
        } else if (event.getEventType() == SecurityEvent.Type.OIDC_SERVER_AVAILABLE) {
            becameAvailable();
        }
    }

    /** A request was answered 503 because its token could not be checked. */
    public void refused(Throwable why) {
        becameUnavailable();
        refusedSinceLastLine.incrementAndGet();
        Instant now = clock.instant();
        Instant last = lastLine.get();
        if (now.isAfter(last.plus(config.outageLogInterval())) && lastLine.compareAndSet(last, now)) {
            LOG.warnf("Tokens cannot be checked: the identity provider cannot be reached (%s). %d signed-in "
                    + "request(s) answered 503 since %s; public ones are served. Next report in %s at the earliest.",
                    rootMessage(why), refusedSinceLastLine.getAndSet(0), unavailableSince.get(),
                    config.outageLogInterval());
        }
    }

    /**
     * Since when the identity provider cannot be reached, or empty while it can. Tokens are then checked with the
     * kept realm keys ({@link RealmKeys}) if there are any; a request refused for want of them is {@link #refused}.
     */
    public Optional<Instant> unavailableSince() {
        return Optional.ofNullable(unavailableSince.get());
    }

    public Duration retryAfter() {
        return config.retryAfter();
    }

    void becameUnavailable() {
        becameUnavailable("requests whose token must be checked get 503 until it can");
    }

    /** @param consequence what this means for signed-in requests, for the one log line */
    void becameUnavailable(String consequence) {
        if (unavailableSince.compareAndSet(null, clock.instant())) {
            LOG.warnf("The identity provider cannot be reached: %s (public endpoints and 119 reports are served)",
                    consequence);
        }
    }

    void becameAvailable() {
        Instant since = unavailableSince.getAndSet(null);
        if (since != null) {
            LOG.infof("The identity provider can be reached again (unavailable since %s); %d request(s) answered 503"
                    + " since the last report", since, refusedSinceLastLine.getAndSet(0));
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
