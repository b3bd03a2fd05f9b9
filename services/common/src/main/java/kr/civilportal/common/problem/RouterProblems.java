package kr.civilportal.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The errors Vert.x answers itself, before any resource (and so any exception mapper) runs, as problem+json
 * like every other error: a body over the size limit (413), a path no route serves (404), a method no route
 * takes (405), and any other client error a handler ends with a bare status. Installed in every module that
 * depends on common, by being a bean that observes the router.
 *
 * <p>Two limits, both judged on {@code Content-Length} before a byte of the body is read:
 * {@code quarkus.http.limits.max-body-size} (what Vert.x enforces for every body) and, when set,
 * {@code portal.http.limits.max-json-body-size} for JSON bodies, so a service that takes photos or videos can
 * keep its JSON endpoints to a few kilobytes. A chunked body without a length that grows past the global limit
 * is still cut off by Quarkus with a bare 413 and the connection closed: it cannot be refused before it is read.
 */
@ApplicationScoped
public class RouterProblems {

    /** Just before Quarkus's own upload-limit route (order -2), so this answer wins. */
    static final int ORDER = -3;
    static final String MAX_JSON_BODY_SIZE = "portal.http.limits.max-json-body-size";
    private static final Logger LOG = Logger.getLogger(RouterProblems.class);

    private final long maxBytes;
    private final long maxJsonBytes;
    private final ObjectMapper json;

    RouterProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max,
                   @ConfigProperty(name = MAX_JSON_BODY_SIZE) Optional<MemorySize> maxJson,
                   ObjectMapper json) {
        this.maxBytes = max.asLongValue();
        this.maxJsonBytes = Math.min(maxBytes, maxJson.map(MemorySize::asLongValue).orElse(maxBytes));
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::refuseOversizedBodies);
        router.route().order(ORDER).failureHandler(this::clientErrorsAsProblems);
        // No route at all matched: Vert.x ends these without calling any failure handler.
        router.errorHandler(404, ctx -> answer(ctx, 404));
        router.errorHandler(405, ctx -> answer(ctx, 405));
    }

    private void refuseOversizedBodies(RoutingContext ctx) {
        long declared = declaredLength(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        long limit = isJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)) ? maxJsonBytes : maxBytes;
        if (declared <= limit) {
            ctx.next();
            return;
        }
        Problem problem = ProblemType.CONTENT_TOO_LARGE.problem(
                "The request body is larger than " + limit + " bytes.",
                "요청 본문이 너무 큽니다 (최대 " + limit + "바이트).");
        // The body is not read: the connection cannot be reused for another request.
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        write(ctx, problem);
    }

    /**
     * A handler that ended a request with a client-error status and no answer of its own (e.g. Vert.x's body
     * handler over its limit). Exceptions without a status are left to Quarkus, which logs them.
     */
    private void clientErrorsAsProblems(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status < 400 || status > 499 || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        answer(ctx, status);
    }

    private void answer(RoutingContext ctx, int status) {
        if (ctx.response().headWritten()) {
            return;
        }
        write(ctx, Problems.forStatus(status));
    }

    private void write(RoutingContext ctx, Problem problem) {
        Problem located = problem.withInstance(ctx.request().path());
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(located));
        } catch (JsonProcessingException e) {
            LOG.errorf(e, "A problem could not be written as JSON");
            ctx.response().setStatusCode(problem.status()).end();
        }
    }

    /** The declared length, or -1 when there is none (or it is not a number: Vert.x refuses those itself). */
    static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code application/json} and every {@code +json} type, parameters ignored. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }
}
