package kr.civilportal.residency.movein;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import kr.civilportal.residency.resident.Callers;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The residency officers' work queue of move-in reports, and their decisions. */
@Path("/api/residency/v1/officer/move-ins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("residency-officer")
public class MoveInQueueResource {

    @Inject
    JsonWebToken token;

    @Inject
    MoveIns moveIns;

    /** Why a report is rejected (반려 사유); the citizen sees it. */
    public record Rejection(@NotBlank @Size(max = 500) @Schema(examples = "전입 주소에 거주 사실이 확인되지 않음") String reason) {
    }

    @GET
    @Operation(summary = "Pending move-in reports (전입신고 처리 대기)", description = "Oldest first.")
    public List<MoveInView> pending() {
        return moveIns.pending();
    }

    @POST
    @Path("/{id}/approval")
    @Operation(summary = "Approve a move-in report (승인)",
            description = "Moves the resident: household and address history change together. 409 if already decided.")
    public MoveInView approve(@PathParam("id") UUID id) {
        return moveIns.approve(id, Callers.official(token));
    }

    @POST
    @Path("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a move-in report with a reason (반려)", description = "409 if already decided.")
    public MoveInView reject(@PathParam("id") UUID id, @Valid @NotNull Rejection rejection) {
        return moveIns.reject(id, Callers.official(token), rejection.reason());
    }
}
