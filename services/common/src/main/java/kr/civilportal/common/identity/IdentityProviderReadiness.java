package kr.civilportal.common.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness says whether and how this app checks tokens, in its detail ({@code identity-provider}), and stays UP:
 * while the identity provider is away, an app checks tokens with the kept realm keys ({@link RealmKeys}), and
 * without them still serves its public endpoints (the 119 report, certificate verification) and answers
 * signed-in requests with a clear 503. Taking it out of rotation would turn that into nothing at all, on every
 * replica at once. The gateway's status page shows this detail for every replica.
 */
@Readiness
@ApplicationScoped
public class IdentityProviderReadiness implements HealthCheck {

    static final String NAME = "identity-provider";
    /** The detail's key, read by the gateway's status page. */
    public static final String TOKENS = "tokens";

    private final IdentityProviderState state;
    private final RealmKeys keys;
    private final RealmKeyTenants tenants;

    IdentityProviderReadiness(IdentityProviderState state, RealmKeys keys, RealmKeyTenants tenants) {
        this.state = state;
        this.keys = keys;
        this.tenants = tenants;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(NAME).up();
        RealmKeySet kept = tenants.checksWithKeptKeys() ? keys.current() : RealmKeySet.empty();
        state.unavailableSince().ifPresentOrElse(
                since -> answer.withData(TOKENS, kept.isEmpty()
                        ? "cannot be checked since " + since + ": no realm keys kept here, signed-in requests get 503"
                        : "checked with the " + kept.size() + " realm key(s) kept at "
                                + kept.fetchedAt().map(Instant::toString).orElse("an unknown time")
                                + "; the identity provider cannot be reached since " + since
                                + ": no sign-in or refresh"),
                () -> answer.withData(TOKENS, "checked"));
        return answer.build();
    }
}
