package kr.civilportal.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import kr.civilportal.common.text.StorableText;
import kr.civilportal.common.text.UnstorableTextException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure a service can raise into an RFC 9457 problem+json answer, so that no client ever sees
 * a stack trace, an HTML error page, or (worse) input echoed back with personal data in it.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        Problem base = ProblemType.VALIDATION.problem("Some fields are invalid: " + fields,
                "입력값을 확인해 주세요: " + fields);
        return respond(new Problem(base.type(), base.title(), base.status(), base.detail(), base.detailKo(), null,
                errors), uri);
    }

    /** A value of the wrong JSON type, e.g. text where a number belongs: a field error on that path. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            return malformed(uri);
        }
        String detail = e instanceof UnstorableTextException ? StorableText.DETAIL
                : "This field has the wrong type or format.";
        Problem base = ProblemType.VALIDATION.problem("Some fields are invalid: " + field,
                "입력값을 확인해 주세요: " + field);
        return respond(new Problem(base.type(), base.title(), base.status(), base.detail(), base.detailKo(), null,
                List.of(new Problem.FieldError(field, detail))), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return malformed(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return challenge(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return challenge(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN.problem("Your role does not allow this.",
                "이 작업을 할 권한이 없습니다."), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "HTTP %d raised in %s", status, uri.getPath());
        }
        return respond(Problems.forStatus(status), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (StorableText.refusedByDatabase(e)) {
            // Input the checks at the edge did not see (they cover JSON text and parameters): the client's, not ours.
            LOG.warnf("The database refused a character of the request to %s", uri == null ? "?" : uri.getPath());
            return respond(ProblemType.MALFORMED_REQUEST.problem(StorableText.DETAIL, StorableText.DETAIL_KO), uri);
        }
        // The exception's message may quote input: it goes to the log (through the personal-data filter),
        // never to the client.
        LOG.errorf(e, "Unexpected failure in %s", uri.getPath());
        return respond(ProblemType.INTERNAL.problem("The request could not be completed. Please try again later.",
                "요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요."), uri);
    }

    private static Response malformed(UriInfo uri) {
        return respond(ProblemType.MALFORMED_REQUEST.problem("The request body is not valid JSON of the expected shape.",
                "요청 본문의 형식이 올바르지 않습니다."), uri);
    }

    private static Response challenge(UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHENTICATED.problem(
                        "A valid bearer token is required.", "로그인이 필요합니다."), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /** {@code problem} as the answer to the request at {@code uri}, for filters that refuse before any resource. */
    public static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri == null ? null : uri.getPath()))
                .build();
    }

    /** The JSON property path of a violation on a resource method parameter: drops "method.parameter". */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                names.add(node.getName() + (node.getIndex() != null ? "[" + node.getIndex() + "]" : ""));
            }
        }
        boolean onParameter = violation.getExecutableParameters() != null;
        List<String> path = onParameter && names.size() > 2 ? names.subList(2, names.size())
                : onParameter && names.size() == 2 ? names.subList(1, 2) : names;
        return String.join(".", path);
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
