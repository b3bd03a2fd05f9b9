package kr.civilportal.common.identity;

import io.quarkus.oidc.OIDCException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import kr.civilportal.common.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The REST layer's side of {@link IdentityProviderOutage}: a token check that failed because the identity
 * provider cannot be reached, raised while a resource is being called, is the same 503 problem with Retry-After,
 * not the catch-all 500 of {@code ProblemMappers}.
 */
public class IdentityProviderProblems {

    @Inject
    IdentityProviderOutage outage;

    @ServerExceptionMapper(priority = 1)
    public Response unavailable(OIDCException e, UriInfo uri) {
        Problem problem = outage.refused(e, uri.getPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.RETRY_AFTER, outage.retryAfterSeconds()).build();
    }
}
