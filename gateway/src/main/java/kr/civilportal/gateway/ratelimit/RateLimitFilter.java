package kr.civilportal.gateway.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.gateway.admission.SharedStore;
import kr.civilportal.gateway.admission.WaitingRoomConfig;
import kr.civilportal.gateway.routing.Answer;
import kr.civilportal.gateway.routing.GatewayConfig;
import kr.civilportal.gateway.security.TrustedForwarders;
import kr.civilportal.gateway.status.GatewayMetrics;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Limits each client's requests per route ({@code portal.gateway.routes.<service>.rate-limit.*}) before the
 * request reaches the waiting room, the relay or the proxy. The client is the token's subject on paths that need
 * a login, where the token has been checked (so people behind one address, a library or an office, are not
 * counted together), else the client's address ({@code security.TrustedForwarders}: the connecting address, or what
 * a trusted forwarder such as a web app says in {@code X-Forwarded-For}, which anyone else can write). Over the
 * limit: 429 problem+json with {@code Retry-After}.
 *
 * <p>Paths in {@code portal.gateway.rate-limit.never-refuse} (the 119 report) are counted but never refused:
 * a refusal could cost a life, a person in an emergency resends on purpose, and many phones can share one
 * carrier address. Floods there show up as {@code portal_gateway_rejected_total{reason="rate-flagged"}}, and the
 * service's Idempotency-Key turns resends into one report.
 *
 * <p>The limits hold over all gateway replicas together ({@link RateLimitExchange}); each replica still decides
 * alone, in memory, so no request waits on the store.
 */
@ApplicationScoped
public class RateLimitFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);
    /**
     * After Quarkus's authentication (route order -200) and authorization (-100) filters, so the token is known;
     * before every gateway route mounted without an order (0 and up: waiting room, relay, proxy).
     */
    public static final int ORDER = -50;

    private final GatewayConfig config;
    private final GatewayMetrics metrics;
    private final TrustedForwarders forwarders;
    private final Map<String, ClientRateLimiter> limiters = new LinkedHashMap<>();
    private final List<String[]> neverRefuse;

    RateLimitFilter(GatewayConfig config, GatewayMetrics metrics, TrustedForwarders forwarders, SharedStore shared,
                    WaitingRoomConfig waitingRoom) {
        this.config = config;
        this.metrics = metrics;
        this.forwarders = forwarders;
        this.neverRefuse = config.rateLimit().neverRefuse().stream()
                .map(s -> s.trim().split("\\s+", 2)).toList();
        // Shared by all replicas: clients are known to the store by a key derived from the shared secret.
        ClientKeys keys = shared.enabled() ? new ClientKeys(waitingRoom.secret()) : null;
        config.routes().forEach((service, route) -> {
            GatewayConfig.RateLimit limit = route.rateLimit();
            if (limit.enabled()) {
                limiters.put(service, new ClientRateLimiter(limit.requests(), limit.period(),
                        config.rateLimit().maxClients(), keys == null ? null : keys.forRoute(service),
                        TimeMeter.SYSTEM_NANOTIME));
            }
        });
    }

    void install(@Observes Router router) {
        limiters.forEach((service, limiter) -> {
            GatewayConfig.Route route = config.routes().get(service);
            for (String path : route.routedPaths()) {
                router.route(path).order(ORDER).handler(ctx -> check(ctx, service, limiter, ctx::next));
            }
            LOG.infof("Rate limit %s: %d requests per %s per client", service, limiter.requests(), limiter.period());
        });
    }

    /** Each rate-limited route's limiter, by route name (for the exchange between replicas). */
    Map<String, ClientRateLimiter> limiters() {
        return limiters;
    }

    /**
     * The rate limit for a request the token lane has let through (security.TokenLane): as the route's own
     * handler, with {@code next} for what follows instead of the router's next handler.
     */
    public void limit(RoutingContext ctx, String service, Runnable next) {
        ClientRateLimiter limiter = limiters.get(service);
        if (limiter == null) {
            next.run();
        } else {
            check(ctx, service, limiter, next);
        }
    }

    private void check(RoutingContext ctx, String service, ClientRateLimiter limiter, Runnable next) {
        // On a path that needs a login, Quarkus's authorization has checked the token by now: count its subject.
        // On a public path the token is not checked, and checking it here would turn a broken token into a 401
        // (a 119 report from a phone with an expired token must go through): count the address.
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            decide(ctx, service, limiter, client(user.getSecurityIdentity(), ctx.request()), next);
        } else {
            decide(ctx, service, limiter, byAddress(ctx.request()), next);
        }
    }

    private void decide(RoutingContext ctx, String service, ClientRateLimiter limiter, String client, Runnable next) {
        ClientRateLimiter.Decision decision = limiter.tryAcquire(client);
        if (decision.allowed()) {
            next.run();
            return;
        }
        if (neverRefused(ctx.request())) {
            metrics.rejected(service, "rate-flagged");
            next.run();
            return;
        }
        metrics.rejected(service, "rate-limited");
        Answer.problem(ProblemType.TOO_MANY_REQUESTS.problem(
                "Too many requests to the " + service + " service from this client. Please wait "
                        + decision.retryAfterSeconds() + " s and try again.",
                "요청이 너무 많습니다. " + decision.retryAfterSeconds() + "초 후에 다시 시도해 주세요."), ctx.request().path())
                .with("Retry-After", Long.toString(decision.retryAfterSeconds())).send(ctx);
    }

    boolean neverRefused(HttpServerRequest request) {
        String method = request.method().name().toUpperCase(Locale.ROOT);
        String path = request.path();
        for (String[] rule : neverRefuse) {
            if (rule.length == 2 && rule[0].equalsIgnoreCase(method) && (path.equals(rule[1]) || path.equals(rule[1] + "/"))) {
                return true;
            }
        }
        return false;
    }

    private String client(SecurityIdentity identity, HttpServerRequest request) {
        if (identity == null || identity.isAnonymous()) {
            return byAddress(request);
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return "sub:" + jwt.getSubject();
        }
        return "principal:" + identity.getPrincipal().getName();
    }

    private String byAddress(HttpServerRequest request) {
        return "addr:" + forwarders.clientOf(request);
    }
}
