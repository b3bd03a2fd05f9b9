package kr.civilportal.common.text;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query and path parameters of the services' APIs, once decoded, must be storable text ({@link StorableText}):
 * {@code ?q=ab%00cd} is refused before any resource or query runs, as a field error naming the parameter
 * ({@code query} when the name itself is unstorable, {@code path} for a path segment). Pages of the web apps are
 * not under {@code /api/}: what they forward to a service is checked there.
 */
public class StorableParameters {

    static final String API = "/api/";

    @ServerRequestFilter(preMatching = true)
    public Response refuseUnstorable(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        if (!uri.getPath().startsWith(API)) {
            return null;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            if (!StorableText.isStorable(parameter.getKey())) {
                errors.add(new Problem.FieldError("query", StorableText.DETAIL));
            } else if (!parameter.getValue().stream().allMatch(StorableText::isStorable)) {
                errors.add(new Problem.FieldError(parameter.getKey(), StorableText.DETAIL));
            }
        }
        for (PathSegment segment : uri.getPathSegments()) {
            if (!StorableText.isStorable(segment.getPath())) {
                errors.add(new Problem.FieldError("path", StorableText.DETAIL));
                break;
            }
        }
        return errors.isEmpty() ? null
                : ProblemMappers.respond(ProblemException.invalidFields(errors).problem(), uri);
    }
}
