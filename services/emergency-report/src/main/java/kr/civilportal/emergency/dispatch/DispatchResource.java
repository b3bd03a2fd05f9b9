package kr.civilportal.emergency.dispatch;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.idempotency.IdempotencyScope;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.emergency.attachment.Attachments;
import kr.civilportal.emergency.attachment.ReportAttachment;
import kr.civilportal.emergency.report.ReportResource;
import kr.civilportal.emergency.report.ReportView;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * The dispatchers' steps on a report, its history and files. On the reports' own path: JAX-RS picks the
 * root resource by its longest matching path, so these could not live under a shorter one.
 */
@Path(ReportResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("dispatcher")
@Tag(name = "Dispatch", description = "The dispatchers' steps on a report and their live board (출동 지령, 상황판)")
public class DispatchResource {

    private static final int OK = 200;
    private static final int CREATED = 201;

    @Inject
    DispatchActions actions;
    @Inject
    Attachments attachments;
    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;
    @Inject
    IdempotentWrites writes;

    @POST
    @Path("{id}/acknowledgement")
    @Transactional
    @Operation(operationId = "acknowledgeReport",
            summary = "Acknowledge a report (확인)", description = "RECEIVED → ACKNOWLEDGED; the time from receipt is "
            + "recorded in the metric emergency_report_acknowledgement_seconds. With an Idempotency-Key a retry "
            + "gets the first answer, not a 409 for its own acknowledgement.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "409", description = "Already acknowledged")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response acknowledge(@PathParam("id") UUID id, @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                                @Context UriInfo uri) {
        return writes.once(keyed(idempotencyKey, uri, null),
                () -> writes.json(OK, null, actions.acknowledge(id, dispatcher())));
    }

    @POST
    @Path("{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "a fire engine", value = "{\"unit\":\"종로소방서 펌프1\"}")}))
    @Operation(operationId = "assignUnit",
            summary = "Assign a unit (출동 지령)", description = "ACKNOWLEDGED or DISPATCHED → DISPATCHED; reassigning "
            + "replaces the unit. With an Idempotency-Key a retry gets the first answer and assigns nothing again.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "409", description = "Not acknowledged yet, or closed")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response assign(@PathParam("id") UUID id, @Valid @NotNull DispatchRequests.Assignment body,
                           @RestHeader(IdempotencyKey.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return writes.once(keyed(idempotencyKey, uri, body),
                () -> writes.json(OK, null, actions.assign(id, body.unit(), dispatcher())));
    }

    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "on the way", value = "{\"text\":\"현장 도착 5분 예상\"}")}))
    @Operation(operationId = "addReportNote",
            summary = "Add a note (메모)", description = "With an Idempotency-Key a retry adds no second note.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response note(@PathParam("id") UUID id, @Valid @NotNull DispatchRequests.Note body,
                         @RestHeader(IdempotencyKey.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return writes.once(keyed(idempotencyKey, uri, body),
                () -> writes.json(CREATED, null, actions.note(id, body.text(), dispatcher())));
    }

    @POST
    @Path("{id}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "put out", value = "{\"outcome\":\"RESOLVED\",\"note\":\"초기 진화 완료 (put out on arrival)\"}")}))
    @Operation(operationId = "closeReport",
            summary = "Close with an outcome (종결)", description = "ACKNOWLEDGED or DISPATCHED → CLOSED. With an "
            + "Idempotency-Key a retry gets the first answer, not a 409 for its own closure.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "409", description = "Not acknowledged yet, or already closed")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response close(@PathParam("id") UUID id, @Valid @NotNull DispatchRequests.Closure body,
                          @RestHeader(IdempotencyKey.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return writes.once(keyed(idempotencyKey, uri, body),
                () -> writes.json(OK, null, actions.close(id, body.outcome(), body.note(), dispatcher())));
    }

    /** A dispatcher's keys are their own; a repeat while the first runs gets 409 (only 119 reports wait). */
    private KeyedRequest keyed(String idempotencyKey, UriInfo uri, Object body) {
        return writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey, HttpMethod.POST,
                uri.getPath(), body);
    }

    @GET
    @Path("{id}/events")
    @Operation(operationId = "getReportHistory", summary = "A report's history, oldest first (처리 이력)",
            description = "For dispatchers: every step (received, acknowledged, assigned, noted, closed), who took it "
                    + "and when.")
    public List<EventView> history(@PathParam("id") UUID id) {
        return actions.history(id);
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces({"image/jpeg", "image/png", "image/heic", "video/mp4", "video/quicktime", MediaType.APPLICATION_JSON})
    @Transactional
    @Operation(operationId = "getReportAttachment",
            summary = "An attachment's content (첨부 파일)", description = "With the media type its bytes showed at upload.")
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
