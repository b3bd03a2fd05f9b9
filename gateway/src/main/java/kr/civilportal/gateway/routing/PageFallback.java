package kr.civilportal.gateway.routing;

import io.vertx.core.http.HttpServerRequest;
import kr.civilportal.common.problem.Problem;

/**
 * What a web app's route answers when the app cannot (implemented by {@code fallback.FallbackPages}): a static
 * page for a browser, the problem for anyone else.
 */
public interface PageFallback {

    Answer unavailable(HttpServerRequest request, String page, Problem problem, long retryAfterSeconds);
}
