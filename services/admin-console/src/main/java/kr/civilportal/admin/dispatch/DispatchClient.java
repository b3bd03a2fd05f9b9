package kr.civilportal.admin.dispatch;

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
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

/** The 119 service's dispatcher API (services/emergency-report/README.md) as the live board uses it. */
@RegisterRestClient(configKey = "emergency")
@Path("/api/emergency/v1")
public interface DispatchClient {

    record Assignment(String unit) {
    }

    record Closure(Report.Outcome outcome) {
    }

    /** 메모: what a dispatcher notes on a report (e.g. a call-back made, the unit's arrival). */
    record Note(String text) {
    }

    @GET
    @Path("/reports")
    Report.Page reports(@QueryParam("size") int size, @QueryParam("status") Report.Status status);

    @GET
    @Path("/reports/{id}")
    Report report(@PathParam("id") String id);

    /** The report's history, oldest first: every step and note, who and when. */
    @GET
    @Path("/reports/{id}/events")
    List<Report.Event> history(@PathParam("id") String id);

    @POST
    @Path("/reports/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    Response note(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id, Note note);

    @POST
    @Path("/reports/{id}/acknowledgement")
    Response acknowledge(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id);

    @POST
    @Path("/reports/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    Response assign(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id, Assignment unit);

    @POST
    @Path("/reports/{id}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    Response close(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id, Closure closure);

    /** The board's events; the token is passed by hand: the stream is read after the page's request has ended. */
    @GET
    @Path("/dispatch/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> boardEvents(@HeaderParam("Authorization") String bearer);
}
