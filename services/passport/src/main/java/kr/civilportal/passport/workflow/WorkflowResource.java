package kr.civilportal.passport.workflow;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kr.civilportal.passport.application.ApplicationResource;
import kr.civilportal.passport.application.ApplicationView;
import kr.civilportal.passport.application.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The officers' actions and the applicant's resubmission; the rules are {@link Workflow}'s. */
@Path("/api/passport/v1/applications/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @Inject
    Workflow workflow;

    @POST
    @Path("/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApplicationResource.OFFICER)
    @Operation(summary = "Move an application to its next status (처리 상태 변경, 담당 공무원)",
            description = "UNDER_REVIEW, APPROVED, PRINTING, READY_FOR_PICKUP, ISSUED, REJECTED (with reason) or "
                    + "SUPPLEMENT_REQUESTED (with reason and supplementDeadline). Recorded in the history.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status, or changed meanwhile")
    public ApplicationView transition(@PathParam("id") String id,
                                      @Valid @NotNull(message = "is required (변경 내용이 없습니다)") TransitionRequest request) {
        return workflow.transition(caller(), ApplicationResource.parseId(id), request);
    }

    @POST
    @Path("/resubmission")
    @RolesAllowed(ApplicationResource.CITIZEN)
    @Operation(summary = "Resubmit after a supplement request (보완 제출)",
            description = "The applicant's answer to SUPPLEMENT_REQUESTED: the application returns to UNDER_REVIEW.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "No supplement was requested")
    public ApplicationView resubmit(@PathParam("id") String id) {
        return workflow.resubmit(caller(), ApplicationResource.parseId(id));
    }

    private Caller caller() {
        return new Caller(token.getSubject(), null, identity.hasRole(ApplicationResource.OFFICER));
    }
}
