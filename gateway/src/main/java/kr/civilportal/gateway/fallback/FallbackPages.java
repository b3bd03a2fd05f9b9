package kr.civilportal.gateway.fallback;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.gateway.routing.Answer;
import kr.civilportal.gateway.routing.PageFallback;

/**
 * The gateway's own pages for when a web app cannot answer (no replica ready, circuit open, bulkhead full,
 * time-out, refused): one template, {@code templates/fallback.html}, holds every text, in Korean and English,
 * with its style inlined, so the pages need nothing the gateway does not have. A browser (a request that accepts
 * HTML) gets the page; anyone else the route's problem+json. Both are 503 with {@code Retry-After}.
 *
 * <p>Pages: {@code citizen} (what to do instead: 110, 120, a community service centre, 119; and a plain 119 form
 * posting to the gateway itself, {@link FallbackReports}), {@code officials} (short, for the admin console), and the
 * 119 form's own answers {@code delivered}, {@code held} and {@code failed}.
 */
@ApplicationScoped
public class FallbackPages implements PageFallback {

    static final String CITIZEN = "citizen";
    static final String DELIVERED = "delivered";
    static final String HELD = "held";
    static final String FAILED = "failed";
    private static final int UNAVAILABLE = 503;

    private final Template template;
    private final FallbackConfig config;

    FallbackPages(@Location("fallback.html") Template template, FallbackConfig config) {
        this.template = template;
        this.config = config;
    }

    @Override
    public Answer unavailable(HttpServerRequest request, String page, Problem problem, long retryAfterSeconds) {
        Answer answer = wantsPage(request)
                ? Answer.html(UNAVAILABLE, render(page, FallbackReport.blank(), Set.of(), Map.of()))
                : Answer.problem(problem, request.path());
        return answer.with("Retry-After", Long.toString(retryAfterSeconds));
    }

    /** A browser asking for a page (a script or an app asking for data gets problem+json). */
    static boolean wantsPage(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && (accept.contains("text/html") || accept.contains("application/xhtml+xml"));
    }

    /**
     * One of the pages. {@code form}: the 119 form's values (a new, empty one for a first view); {@code wrong}: its
     * fields to mark; {@code outcome}: what a sent report came to (report or relay number, follow link).
     */
    String render(String page, FallbackReport form, Set<String> wrong, Map<String, String> outcome) {
        Map<String, Boolean> errors = new HashMap<>();
        FallbackReport.FIELDS.forEach(field -> errors.put(field, wrong.contains(field)));
        Map<String, String> result = new HashMap<>(Map.of("number", "", "followUrl", ""));
        result.putAll(outcome);
        return template.data("page", page)
                .data("reportPath", config.reportPath())
                .data("form", form.view())
                .data("errors", errors)
                .data("hasErrors", !wrong.isEmpty())
                .data("outcome", result)
                .render();
    }
}
