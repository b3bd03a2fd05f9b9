package kr.civilportal.residency.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kr.civilportal.common.masking.Masking;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body larger than {@code quarkus.http.limits.max-body-size} with a problem+json 413 instead of
 * Vert.x's empty one, judged on {@code Content-Length} before anything is read. (A chunked body without a
 * length that grows too large is still cut off by Vert.x with a bare 413.)
 */
@ApplicationScoped
public class OversizedBodies {

    /** Just before Quarkus's own upload-limit route (order -2), so this answer wins. */
    static final int ORDER = -3;
    static final ProblemType TOO_LARGE = new ProblemType("payload-too-large", "Payload too large", 413);

    private final long maxBytes;
    private final ObjectMapper json;

    OversizedBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max, ObjectMapper json) {
        this.maxBytes = max.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared <= maxBytes) {
                ctx.next();
                return;
            }
            Problem problem = TOO_LARGE.problem("The request body is larger than " + maxBytes + " bytes.",
                    "요청 본문이 너무 큽니다 (최대 " + maxBytes + "바이트).").withInstance(Masking.inText(ctx.request().path()));
            try {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                ctx.fail(413);
            }
        });
    }
}
