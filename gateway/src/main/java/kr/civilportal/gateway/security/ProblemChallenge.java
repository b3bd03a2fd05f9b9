package kr.civilportal.gateway.security;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.Problems;
import kr.civilportal.gateway.routing.Answer;
import kr.civilportal.gateway.routing.GatewayConfig;

/**
 * The OIDC mechanism, unchanged, except that its 401 challenge carries a problem+json body like every other
 * error of the portal (Quarkus writes the challenge itself, before any failure handler or mapper runs), and that
 * a bearer token on an API path already verified is not verified again until it expires ({@link VerifiedTokens}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ProblemChallenge implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final String API_PATHS = "/api/";

    private final OidcAuthenticationMechanism oidc;
    private final VerifiedTokens verified;

    ProblemChallenge(OidcAuthenticationMechanism oidc, GatewayConfig config) {
        this.oidc = oidc;
        GatewayConfig.TokenCache cache = config.tokenCache();
        this.verified = cache.enabled()
                ? new VerifiedTokens(cache.maxEntries(), cache.maxAge(), Clock.systemUTC()) : null;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = verified == null ? null : apiBearerToken(context);
        if (token == null) {
            return oidc.authenticate(context, identityProviderManager);
        }
        Optional<SecurityIdentity> known = verified.find(token);
        if (known.isPresent()) {
            return Uni.createFrom().item(known.get());
        }
        return oidc.authenticate(context, identityProviderManager).invoke(identity -> verified.remember(token, identity));
    }

    /** The cache of tokens this mechanism has verified ({@link TokenLane} reads it); null when it is off. */
    VerifiedTokens verifiedTokens() {
        return verified;
    }

    /** Only the APIs' bearer tokens: the pages' logins (the "web" tenant, session cookies) go to OIDC as they are. */
    static String apiBearerToken(RoutingContext context) {
        if (!context.request().path().startsWith(API_PATHS)) {
            return null;
        }
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return oidc.getChallenge(context).map(challenge -> {
            if (challenge == null || context.response().headWritten()) {
                return false;
            }
            challenge.getHeaders().forEach((name, value) -> context.response().putHeader(name, value));
            context.response().setStatusCode(challenge.status);
            if (challenge.status == 401) {
                Problem problem = Problems.forStatus(401).withInstance(context.request().path());
                context.response().putHeader("Content-Type", Problem.MEDIA_TYPE).end(Answer.json(problem));
            } else {
                context.response().end();
            }
            return true;
        });
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }
}
