package kr.civilportal.admin.residency;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The residency API as the residency officer's console uses it: the move-in queue, decisions, and a resident's record (read with a reason, written to the access log). */
@RegisterRestClient(configKey = "residency")
@Path("/api/residency/v1")
public interface ResidencyOfficeClient {
    @GET
    @Path("/officer/move-ins")
    JsonNode pendingMoveIns(@HeaderParam("Authorization") String bearer);

    @POST
    @Path("/officer/move-ins/{id}/approval")
    JsonNode approveMoveIn(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/officer/move-ins/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode rejectMoveIn(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, JsonNode reason);

    @GET
    @Path("/officer/residents/{id}")
    JsonNode readResident(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @QueryParam("reason") String reason);
}
