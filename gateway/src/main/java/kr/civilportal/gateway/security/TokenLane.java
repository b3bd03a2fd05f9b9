package kr.civilportal.gateway.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import kr.civilportal.gateway.routing.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * The token lane: a request to a service's API that carries a bearer token the gateway has verified before
 * ({@link VerifiedTokens}, still unexpired) on a path that only the catch-all rule "any logged-in caller"
 * governs ({@link PermissionTable}) is let through here, without Quarkus's authentication and authorization
 * handlers. Those handlers would reach the same answer, "allowed", for it: the token is known good and the rule
 * asks for nothing more. But they reach it through a chain of Mutiny steps, each capturing and restoring the
 * request's context, which was about a fifth of the gateway's CPU per proxied request
 * (GatewayOverheadBenchmark with JFR, issue 23). Everything else is left to Quarkus: a token not seen before or
 * expired, no token, a public path, a denied one, anything with roles or an unusual spelling of the path.
 *
 * <p>The lane does nothing unless it can be sure: it is off when the permission table has no such catch-all rule,
 * and when any HTTP security policy other than Quarkus's own is installed (it could ask for anything).
 * A {@code @Singleton} holding the token cache itself: on every request, a client proxy (of an
 * {@code @ApplicationScoped} bean) looks its bean up in the application context.
 */
@Singleton
public class TokenLane {

    /** After the request limits' first check (-300), before Quarkus's authentication (-200). */
    public static final int ORDER = -250;

    private static final Logger LOG = Logger.getLogger(TokenLane.class);

    private final VerifiedTokens tokens;
    private final PermissionTable permissions;
    private final boolean on;
    private final LongAdder taken = new LongAdder();

    TokenLane(GatewayConfig config, ProblemChallenge tokens, VertxHttpConfig http,
              @Any InjectableInstance<HttpSecurityPolicy> policies, MeterRegistry registry) {
        this.tokens = tokens.verifiedTokens();
        // The permissions as Quarkus itself mapped them (properties, environment variables, any source), in the
        // key form PermissionTable reads: a rule set only through the environment is seen like any other.
        Map<String, String> permissionProperties = new HashMap<>();
        http.auth().permissions().forEach((name, rule) -> {
            String key = PermissionTable.PREFIX + name + ".";
            rule.paths().ifPresent(paths -> permissionProperties.put(key + "paths", String.join(",", paths)));
            permissionProperties.put(key + "policy", rule.policy());
            rule.methods().ifPresent(methods -> permissionProperties.put(key + "methods", String.join(",", methods)));
            rule.enabled().ifPresent(enabled -> permissionProperties.put(key + "enabled", enabled.toString()));
        });
        this.permissions = PermissionTable.of(permissionProperties, config.tokenCache().lanePermission());
        List<String> ownPolicies = policies.handlesStream()
                .map(h -> h.getBean().getBeanClass().getName())
                .filter(name -> !name.startsWith("io.quarkus."))
                .toList();
        Optional<String> why = this.tokens == null ? Optional.of("the token cache is off")
                : !config.tokenCache().lane() ? Optional.of("portal.gateway.token-cache.lane=false")
                : !ownPolicies.isEmpty() ? Optional.of("HTTP security policies of the gateway's own: " + ownPolicies)
                : permissions.notUsable();
        this.on = why.isEmpty();
        if (on) {
            LOG.info("Token lane on: known tokens on paths only the rule for logged-in callers governs skip Quarkus's "
                    + "authentication and authorization handlers");
        } else {
            LOG.infof("Token lane off (%s): every request goes through Quarkus's authentication and authorization",
                    why.get());
        }
        FunctionCounter.builder("portal.gateway.token.lane", taken, LongAdder::sum)
                .description("Requests let through by the token lane (a token verified before, a path for any "
                        + "logged-in caller) instead of Quarkus's authentication and authorization handlers")
                .register(registry);
    }

    /**
     * Whether the request takes the lane; if it does, its identity is set on it as Quarkus's handlers would set
     * it (the rate limit counts the token's subject).
     */
    public boolean admit(RoutingContext ctx) {
        if (!on || !permissions.onlyTheCatchAll(ctx.request().path())) {
            return false;
        }
        String token = ProblemChallenge.apiBearerToken(ctx);
        Optional<SecurityIdentity> known = token == null ? Optional.empty() : tokens.find(token);
        if (known.isEmpty()) {
            return false;
        }
        QuarkusHttpUser.setIdentity(known.get(), ctx);
        taken.increment();
        return true;
    }
}
