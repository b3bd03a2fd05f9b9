package kr.civilportal.passport.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * The one call passport makes to residency, behind SmallRye Fault Tolerance: a timeout per attempt, a few
 * retries with exponential backoff and jitter, and a circuit breaker so that while residency is down calls fail
 * at once instead of tying up request threads. The values here are defaults; application.properties sets
 * them ({@code kr.civilportal.passport.identity.Residency/identityOf/...}). A 404 ({@link ResidentNotRegistered})
 * is an answer, not a failure: neither retried nor counted by the breaker. Any other failure (residency down,
 * Keycloak down for the client token, the breaker open) reaches the caller, which leaves the check pending.
 */
@ApplicationScoped
public class Residency {

    private final ResidencyClient client;

    Residency(@RestClient ResidencyClient client) {
        this.client = client;
    }

    /** For the background job: patient (retries with backoff), a citizen is not waiting. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = ResidentNotRegistered.class)
    @ExponentialBackoff(factor = 2, maxDelay = 2000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            skipOn = ResidentNotRegistered.class)
    public ResidentIdentity identityOf(UUID residentId, UUID applicationId) {
        return call(residentId, applicationId);
    }

    /**
     * At submission, while the citizen waits behind the gateway's 2-second route timeout: one short attempt and
     * no retry (the background job retries), so the answer is never late, with or without residency.
     */
    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            skipOn = ResidentNotRegistered.class)
    public ResidentIdentity quickIdentityOf(UUID residentId, UUID applicationId) {
        return call(residentId, applicationId);
    }

    private ResidentIdentity call(UUID residentId, UUID applicationId) {
        try {
            ResidentIdentity identity = client.identity(residentId.toString(), "passport-application:" + applicationId);
            if (identity == null || !identity.registered() || !residentId.equals(identity.residentId())) {
                throw new IllegalStateException("Residency gave an answer about someone else, or none");
            }
            return identity;
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                throw new ResidentNotRegistered();
            }
            throw e;
        }
    }
}
