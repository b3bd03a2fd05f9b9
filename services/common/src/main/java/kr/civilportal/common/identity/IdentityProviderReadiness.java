package kr.civilportal.common.identity;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness says whether this app can check tokens, in its detail ({@code identity-provider}), and stays UP: while
 * the identity provider is away, an app still serves its public endpoints (the 119 report, certificate
 * verification) and answers signed-in requests with a clear 503. Taking it out of rotation would turn that into
 * nothing at all, on every replica at once.
 */
@Readiness
@ApplicationScoped
public class IdentityProviderReadiness implements HealthCheck {

    static final String NAME = "identity-provider";

    private final IdentityProviderState state;

    IdentityProviderReadiness(IdentityProviderState state) {
        this.state = state;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(NAME).up();
        state.unavailableSince().ifPresentOrElse(
                since -> answer.withData("tokens", "cannot be checked since " + since + ": signed-in requests get 503"),
                () -> answer.withData("tokens", "checked"));
        return answer.build();
    }
}
