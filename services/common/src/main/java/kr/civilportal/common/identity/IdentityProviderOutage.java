package kr.civilportal.common.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.OIDCException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemType;

/**
 * A request whose token cannot be checked because the identity provider cannot be reached (Quarkus OIDC's
 * {@link OIDCException}, e.g. an app started while Keycloak was down) is answered 503 problem+json with
 * Retry-After, not a 500 with a stack trace in the log for each one: the client may retry, nothing was done.
 * Installed in every app that depends on common, by being a bean that observes the router; where the failure
 * reaches the REST layer instead (authentication on demand), {@link IdentityProviderProblems} answers the same.
 */
@ApplicationScoped
public class IdentityProviderOutage {

    /** Before Quarkus's own error handling; beside {@code RouterProblems}' failure handler, which ignores 5xx. */
    static final int ORDER = -4;

    private final IdentityProviderState state;
    private final ObjectMapper json;

    IdentityProviderOutage(IdentityProviderState state, ObjectMapper json) {
        this.state = state;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).failureHandler(this::answer);
    }

    private void answer(RoutingContext ctx) {
        Throwable cause = identityProviderFailure(ctx.failure());
        if (cause == null || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        Problem problem = refused(cause, ctx.request().path());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "";
        }
        ctx.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()))
                .end(body);
    }

    /**
     * Counts the refusal (for the readiness detail and the throttled log line) and says why to the client. Also
     * used where the failure reaches the REST layer ({@link IdentityProviderProblems}).
     */
    Problem refused(Throwable cause, String path) {
        state.refused(cause);
        return ProblemType.IDENTITY_PROVIDER_UNAVAILABLE.problem(
                "Your sign-in cannot be checked right now: the identity provider cannot be reached. Nothing was done;"
                        + " please try again shortly.",
                "지금은 로그인 정보를 확인할 수 없습니다. 요청은 처리되지 않았으니 잠시 후 다시 시도해 주세요.")
                .withInstance(path);
    }

    long retryAfterSeconds() {
        return state.retryAfter().toSeconds();
    }

    /** The OIDC failure in the chain, if the request failed for that reason. */
    static Throwable identityProviderFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OIDCException) {
                return t;
            }
        }
        return null;
    }
}
