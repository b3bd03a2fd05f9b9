package kr.civilportal.admin.passport;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The passport API as the officer's queue uses it: the list with all of its filters and paging, one
 * application, and a step of the workflow. Same service address as the citizen pages' client ("web-passport").
 */
@RegisterRestClient(configKey = "passport")
@Path("/api/passport/v1/applications")
public interface PassportOfficeClient {

    /** A null filter is left out of the query (the service then does not filter on it). */
    @GET
    JsonNode list(@HeaderParam("Authorization") String bearer, @QueryParam("status") String status,
            @QueryParam("identityCheck") String identityCheck, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/{id}")
    JsonNode application(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode transition(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, JsonNode transition);
}
