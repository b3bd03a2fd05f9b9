package kr.civilportal.residency.movein;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 담당: a residency officer takes a move-in report (so no other officer of the office decides it unknowingly) or
 * lets it go. PUT and DELETE on the report's {@code holder}: both say what the state becomes, so a repeat changes
 * nothing.
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
                    + "nothing). Another officer holds it: 409 case-held naming them. Already decided: 409. A report "
                    + "of another office than the officer's: 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MoveInView.class)))
    @APIResponse(responseCode = "404", description = "No such report at the officer's offices")
    @APIResponse(responseCode = "409", description = "Held by another officer, or already decided")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public MoveInView take(@PathParam("id") UUID id) {
        return moveIns.take(id, Officer.of(token));
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
