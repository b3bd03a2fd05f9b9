package kr.civilportal.admin.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/** The 119 service's dispatcher API (services/emergency-report/README.md) as the live board uses it. */
@RegisterRestClient(configKey = "emergency")
@Path("/api/emergency/v1")
public interface DispatchClient {
    @GET
    @Path("/reports")
    JsonNode reports(@HeaderParam("Authorization") String bearer, @QueryParam("size") int size,
            @QueryParam("status") String status);

    @GET
    @Path("/reports/{id}")
    JsonNode reportDetail(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/reports/{id}/acknowledgement")
    JsonNode acknowledge(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/reports/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode assign(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, JsonNode unit);

    @POST
    @Path("/reports/{id}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode close(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, JsonNode closure);

    @GET
    @Path("/dispatch/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> boardEvents(@HeaderParam("Authorization") String bearer);
}
