package kr.civilportal.gateway.security;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kr.civilportal.common.problem.Problems;
import kr.civilportal.gateway.routing.Answer;

/**
 * Security failures on the proxied routes happen before any JAX-RS code, so the common exception mappers
 * never see them; this failure handler gives them the same problem+json shape.
 */
@ApplicationScoped
public class SecurityProblems {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status;
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException
                || failure instanceof AuthenticationCompletionException) {
            status = 401;
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        } else if (failure instanceof ForbiddenException) {
            status = 403;
        } else {
            ctx.next();
            return;
        }
        Answer.problem(ctx, Problems.forStatus(status));
    }
}
