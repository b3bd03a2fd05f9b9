package kr.civilportal.paymentsandbox.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error answer as problem+json (RFC 9457): the sandbox's own, unreadable bodies, and JAX-RS statuses. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return answer(e.problem().withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        // The parser's message can quote the body; only its location is kept.
        return answer(Problem.of("malformed-request", "Malformed request", 400,
                "The body is not the JSON expected" + location(e), "요청 본문을 읽을 수 없습니다")
                .withInstance(uri.getPath()));
    }

    /** Ahead of Quarkus REST's own mapper of this one, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response status(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf("Answered %d at %s: %s", status, uri.getPath(), e.getClass().getSimpleName());
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String slug = title.toLowerCase().replace(' ', '-');
        return answer(Problem.of(slug, title, status, title, title).withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (e instanceof WebApplicationException w) {
            return status(w, uri);
        }
        LOG.errorf(e, "Unexpected error at %s", uri.getPath());
        return answer(Problem.of("internal-error", "Internal error", 500, "Something went wrong; try again later",
                "일시적인 오류입니다. 잠시 후 다시 시도해 주세요").withInstance(uri.getPath()));
    }

    public static Response answer(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
