package kr.civilportal.emergency.dispatch;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import kr.civilportal.emergency.attachment.Attachments;
import kr.civilportal.emergency.attachment.ReportAttachment;
import kr.civilportal.emergency.report.ReportResource;
import kr.civilportal.emergency.report.ReportView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The dispatchers' steps on a report, its history and files. On the reports' own path: JAX-RS picks the
 * root resource by its longest matching path, so these could not live under a shorter one.
 */
@Path(ReportResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("dispatcher")
public class DispatchResource {

    @Inject
    DispatchActions actions;
    @Inject
    Attachments attachments;
    @Inject
    SecurityIdentity identity;

    @POST
    @Path("{id}/acknowledgement")
    @Operation(summary = "Acknowledge a report (확인)", description = "RECEIVED → ACKNOWLEDGED; the time from receipt is "
            + "recorded in the metric emergency_report_acknowledgement_seconds.")
    @APIResponse(responseCode = "409", description = "Already acknowledged")
    public ReportView acknowledge(@PathParam("id") UUID id) {
        return actions.acknowledge(id, dispatcher());
    }

    @POST
    @Path("{id}/assignment")
    @Operation(summary = "Assign a unit (출동 지령)", description = "ACKNOWLEDGED or DISPATCHED → DISPATCHED; reassigning replaces the unit.")
    @APIResponse(responseCode = "409", description = "Not acknowledged yet, or closed")
    public ReportView assign(@PathParam("id") UUID id, @Valid @NotNull DispatchRequests.Assignment body) {
        return actions.assign(id, body.unit(), dispatcher());
    }

    @POST
    @Path("{id}/notes")
    @Operation(summary = "Add a note (메모)")
    public Response note(@PathParam("id") UUID id, @Valid @NotNull DispatchRequests.Note body) {
        return Response.status(Response.Status.CREATED).entity(actions.note(id, body.text(), dispatcher())).build();
    }

    @POST
    @Path("{id}/closure")
    @Operation(summary = "Close with an outcome (종결)", description = "ACKNOWLEDGED or DISPATCHED → CLOSED.")
    @APIResponse(responseCode = "409", description = "Not acknowledged yet, or already closed")
    public ReportView close(@PathParam("id") UUID id, @Valid @NotNull DispatchRequests.Closure body) {
        return actions.close(id, body.outcome(), body.note(), dispatcher());
    }

    @GET
    @Path("{id}/events")
    @Operation(summary = "A report's history, oldest first (처리 이력)")
    public List<EventView> history(@PathParam("id") UUID id) {
        return actions.history(id);
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces({"image/jpeg", "image/png", "image/heic", "video/mp4", "video/quicktime", MediaType.APPLICATION_JSON})
    @Transactional
    @Operation(summary = "An attachment's content (첨부 파일)", description = "With the media type its bytes showed at upload.")
    public Response attachment(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        ReportAttachment a = attachments.one(id, attachmentId);
        return Response.ok(a.content, a.mediaType)
                .header("Content-Disposition", "inline")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private String dispatcher() {
        return identity.getPrincipal().getName();
    }
}
