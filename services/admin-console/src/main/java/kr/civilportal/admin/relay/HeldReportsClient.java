package kr.civilportal.admin.relay;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The gateway's held 119 reports for dispatch supervisors (gateway/README.md): the journal is the gateway's. */
@RegisterRestClient(configKey = "gateway")
@Path("/api/relay/v1/held-reports")
public interface HeldReportsClient {

    /** What a supervisor writes with a step. */
    record Note(String note) {
    }

    @GET
    HeldReport.Listed list(@QueryParam("state") String state);

    @GET
    @Path("/{id}")
    HeldReport report(@PathParam("id") String id);

    /** Logged by the gateway with the reason before it answers. */
    @GET
    @Path("/{id}/content")
    HeldReport.Content content(@PathParam("id") String id, @QueryParam("reason") String reason);

    @POST
    @Path("/{id}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    HeldReport retry(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id, Note note);

    @POST
    @Path("/{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    HeldReport resolve(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id, Note note);
}
