package kr.civilportal.passport.holder;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.passport.application.ApplicationResource;
import kr.civilportal.passport.application.Caller;
import kr.civilportal.passport.application.ApplicationView;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 담당: an officer takes an application (so no other officer works it unknowingly), lets it go, takes it over or
 * assigns it to a colleague (배정). PUT and DELETE on the application's {@code holder}: both say what the state
 * becomes, so a repeat changes nothing; so do the take-over and the assignment, which name who holds it next.
 */
@Path("/api/passport/v1/applications/{id}/holder")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ApplicationResource.OFFICER)
@Tag(name = "Workflow")
public class CaseHolderResource {

    /** As long as a holder's subject may be (column holder_subject, V8): a longer one names nobody. */
    static final int SUBJECT_LENGTH = 64;

    private final CaseHolders holders;
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    CaseHolderResource(CaseHolders holders, JsonWebToken token, SecurityIdentity identity) {
        this.holders = holders;
        this.token = token;
        this.identity = identity;
    }

    @PUT
    @Operation(operationId = "takePassportApplication", summary = "Take the application (담당 지정): the caller holds it",
            description = "Nobody holds it, or the caller already does: the caller holds it (a repeat changes nothing). "
                    + "Another officer holds it: 409 case-held naming them (a case whose holder is away is taken over "
                    + "with a reason: POST holder/takeover). A final application (ISSUED, REJECTED): 409.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Held by another officer, or already final")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public ApplicationView take(@PathParam("id") String id) {
        return holders.take(ApplicationResource.parseId(id), Caller.of(token, identity), identity.getPrincipal().getName());
    }

    /** Why a held case is taken over (인계 사유): the previous holder, leads and auditors read it. */
    public record Takeover(@NotBlank @Size(max = 200) @Schema(examples = "담당자 휴가 (12/7-12/11), 처리기한 임박") String reason) {
    }

    @POST
    @Path("/takeover")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "takeover", value = "{\"reason\":\"담당자 휴가 (12/7-12/11), 처리기한 임박\"}")}))
    @Operation(operationId = "takeOverPassportApplication", summary = "Take over a held application (담당 인계)",
            description = "For a case whose holder is away: the caller holds it from now, and the holding says whom "
                    + "it was taken from and why (holder.takenOverFrom, holder.takeoverReason); every take-over is "
                    + "logged. Nobody holds it, or the caller does: taken as by PUT (nothing is logged). The reason is "
                    + "required (at most 200 characters): 400 field reason. A final application: 409. Another "
                    + "office's: 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or one over 200 characters")
    @APIResponse(responseCode = "409", description = "Already final")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public ApplicationView takeOver(@PathParam("id") String id, @Valid @NotNull Takeover takeover) {
        return holders.takeOver(ApplicationResource.parseId(id), Caller.of(token, identity),
                identity.getPrincipal().getName(), takeover.reason());
    }

    /** Whom an application is assigned to (배정): one of its assignees, by their subject. */
    public record Assignment(@NotBlank(message = "is required (배정할 담당자를 선택해 주세요)")
                             @Size(max = SUBJECT_LENGTH, message = "must be at most " + SUBJECT_LENGTH
                                     + " characters (담당자 식별자가 너무 깁니다)")
                             @Schema(description = "The subject of one of the application's assignees (GET assignees)",
                                     examples = "a1c2e3f4-0000-4000-8000-000000000018") String assignee) {
    }

    @POST
    @Path("/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "assignment", value = "{\"assignee\":\"a1c2e3f4-0000-4000-8000-000000000018\"}")}))
    @Operation(operationId = "assignPassportApplication", summary = "Assign the application to a colleague (배정)",
            description = "Nobody holds it, or the caller does: the assignee holds it from now and holder.assignedBy "
                    + "names the caller; each assignment is logged. The assignee already holds it: nothing changes; "
                    + "the caller names themself: taken as by PUT holder. The assignee must be one of GET assignees "
                    + "(a passport officer of its receiving office seen in the last 30 days, "
                    + "portal.roster.active-within): anyone else is 400 field assignee. Another officer holds it: 409 "
                    + "case-held (take it over first, with a reason). A final application (ISSUED, REJECTED): 409. "
                    + "Another office's: 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "No assignee, or one who is not a passport officer of the "
            + "application's receiving office")
    @APIResponse(responseCode = "404", description = "No such application of the caller's offices")
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:case-held: another officer holds it; "
            + "urn:civilportal:problem:conflict: already final")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public ApplicationView assign(@PathParam("id") String id,
            @Valid @NotNull(message = "is required (배정할 담당자를 선택해 주세요)") Assignment assignment) {
        return holders.assign(ApplicationResource.parseId(id), Caller.of(token, identity),
                identity.getPrincipal().getName(), assignment.assignee().strip());
    }

    @DELETE
    @Operation(operationId = "releasePassportApplication", summary = "Let the application go (담당 해제)",
            description = "The caller holds it, or nobody does: nobody holds it now (a repeat changes nothing). "
                    + "Another officer holds it: 409 case-held naming them.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Held by another officer")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public ApplicationView release(@PathParam("id") String id) {
        return holders.release(ApplicationResource.parseId(id), Caller.of(token, identity));
    }
}
