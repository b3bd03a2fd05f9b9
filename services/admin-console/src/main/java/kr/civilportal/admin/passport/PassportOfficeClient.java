package kr.civilportal.admin.passport;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The passport API as the officer's queue uses it: the list with its filters and paging, one application, a step. */
@RegisterRestClient(configKey = "passport")
@Path("/api/passport/v1/applications")
public interface PassportOfficeClient {

    /** A step of the workflow: a reason for a rejection or a supplement request, its deadline for the latter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Transition(Application.Status to, String reason, String supplementDeadline) {
    }

    /** A null filter is left out of the query (the service then does not filter on it). */
    @GET
    Application.Page list(@QueryParam("status") Application.Status status,
            @QueryParam("identityCheck") Application.IdentityCheck identityCheck, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/{id}")
    Application application(@PathParam("id") UUID id);

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    Response transition(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id,
            Transition transition);
}
