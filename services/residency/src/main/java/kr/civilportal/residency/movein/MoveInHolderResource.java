package kr.civilportal.residency.movein;

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
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
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
 * 담당: a residency officer takes a move-in report (so no other officer of the office decides it unknowingly) or
 * lets it go. PUT and DELETE on the report's {@code holder}: both say what the state becomes, so a repeat changes
 * nothing. POST {@code holder/takeover} takes over a report another officer holds, with a reason (담당 인계); POST
 * {@code holder/assignment} gives one to a colleague of its office (배정).
 */
@Path("/api/residency/v1/officer/move-ins/{id}/holder")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("residency-officer")
@Tag(name = "Move-in queue")
public class MoveInHolderResource {

    private final MoveIns moveIns;
    private final JsonWebToken token;

    MoveInHolderResource(MoveIns moveIns, JsonWebToken token) {
        this.moveIns = moveIns;
        this.token = token;
    }

    @PUT
    @Operation(operationId = "takeMoveIn", summary = "Take the move-in report (담당 지정): the caller holds it",
            description = "Nobody holds it, or the caller already does: the caller holds it (a repeat changes "
                    + "nothing). Another officer holds it: 409 case-held naming them (a report whose holder is away is "
                    + "taken over with a reason: POST holder/takeover). Already decided: 409. A report of another "
                    + "office than the officer's: 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MoveInView.class)))
    @APIResponse(responseCode = "404", description = "No such report at the officer's offices")
    @APIResponse(responseCode = "409", description = "Held by another officer, or already decided")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public MoveInView take(@PathParam("id") UUID id) {
        return moveIns.take(id, Officer.of(token));
    }

    /** Why a held report is taken over (인계 사유): the previous holder, leads and auditors read it. */
    public record Takeover(@NotBlank(message = "is required (인계 사유를 입력해 주세요)")
                           @Size(max = 200, message = "must be at most 200 characters (인계 사유는 200자 이내입니다)")
                           @Schema(examples = "담당자 휴가 (12/7-12/11), 처리기한 임박") String reason) {
    }

    @POST
    @Path("/takeover")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "takeover", value = "{\"reason\":\"담당자 휴가 (12/7-12/11), 처리기한 임박\"}")}))
    @Operation(operationId = "takeOverMoveIn", summary = "Take over a held move-in report (담당 인계)",
            description = "For a report whose holder is away: the caller holds it from now, and the holding says "
                    + "whom it was taken from and why (holder.takenOverFrom, holder.takeoverReason); every take-over "
                    + "is logged. Nobody holds it, or the caller does: taken as by PUT (nothing is logged). The reason "
                    + "is required (at most 200 characters): 400 field reason. Already decided: 409. A report of "
                    + "another office than the officer's: 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MoveInView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or one over 200 characters")
    @APIResponse(responseCode = "404", description = "No such report at the officer's offices")
    @APIResponse(responseCode = "409", description = "Already decided")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public MoveInView takeOver(@PathParam("id") UUID id, @Valid @NotNull Takeover takeover) {
        return moveIns.takeOver(id, Officer.of(token), takeover.reason());
    }

    /** As long as a holder's subject may be (move_in_report.holder_subject, Flyway V7): a longer one holds nothing. */
    static final int SUBJECT_MAX = 64;

    /** Whom a report is assigned to (배정): one of its assignees, by their subject. */
    public record Assignment(@NotBlank(message = "is required (배정할 담당자를 선택해 주세요)")
                             @Size(max = SUBJECT_MAX, message = "must be at most {max} characters (담당자 식별자는 "
                                     + "{max}자 이내입니다)")
                             @Schema(description = "The subject of one of the report's assignees (GET assignees)",
                                     examples = "a1c2e3f4-0000-4000-8000-000000000021") String assignee) {
    }

    @POST
    @Path("/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "assignment", value = "{\"assignee\":\"a1c2e3f4-0000-4000-8000-000000000021\"}")}))
    @Operation(operationId = "assignMoveIn", summary = "Assign the move-in report to a colleague (배정)",
            description = "Nobody holds it, or the caller does: the assignee holds it from now and holder.assignedBy "
                    + "names the caller; each assignment is logged. The assignee already holds it: nothing changes; "
                    + "the caller names themself: taken as by PUT holder. The assignee must be one of GET assignees "
                    + "(a residency officer of the report's office seen in the last 30 days): anyone else is 400 "
                    + "field assignee. Another officer holds it: 409 case-held (take it over first, with a reason). "
                    + "Already decided: 409. A report of another office than the officer's: 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MoveInView.class)))
    @APIResponse(responseCode = "400", description = "No assignee, or one who is not a residency officer of the "
            + "report's office")
    @APIResponse(responseCode = "404", description = "No such report at the officer's offices")
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:case-held: another officer holds it; "
            + "urn:civilportal:problem:conflict: already decided")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public MoveInView assign(@PathParam("id") UUID id,
            @Valid @NotNull(message = "is required (배정할 담당자를 선택해 주세요)") Assignment assignment) {
        return moveIns.assign(id, Officer.of(token), assignment.assignee().strip());
    }

    @DELETE
    @Operation(operationId = "releaseMoveIn", summary = "Let the move-in report go (담당 해제)",
            description = "The caller holds it, or nobody does: nobody holds it now (a repeat changes nothing). "
                    + "Another officer holds it: 409 case-held naming them. A report of another office than the "
                    + "officer's: 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MoveInView.class)))
    @APIResponse(responseCode = "404", description = "No such report at the officer's offices")
    @APIResponse(responseCode = "409", description = "Held by another officer")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public MoveInView release(@PathParam("id") UUID id) {
        return moveIns.release(id, Officer.of(token));
    }
}
