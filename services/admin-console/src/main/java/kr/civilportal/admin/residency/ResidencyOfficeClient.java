package kr.civilportal.admin.residency;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The residency API as the residency officer's console uses it: the move-in queue, decisions, a record (with a reason). */
@RegisterRestClient(configKey = "residency")
@Path("/api/residency/v1/officer")
public interface ResidencyOfficeClient {

    record Rejection(String reason) {
    }

    @GET
    @Path("/move-ins")
    List<PendingMoveIn> pendingMoveIns();

    @POST
    @Path("/move-ins/{id}/approval")
    Response approve(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id);

    @POST
    @Path("/move-ins/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    Response reject(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id, Rejection reason);

    /** The read is written to the access log with the reason (열람 사유). */
    @GET
    @Path("/residents/{id}")
    ResidentRecord readResident(@PathParam("id") UUID id, @QueryParam("reason") String reason);
}
