package kr.civilportal.passport.workflow;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.idempotency.IdempotencyScope;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.passport.application.ApplicationResource;
import kr.civilportal.passport.application.ApplicationView;
import kr.civilportal.passport.application.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/** The officers' actions and the applicant's resubmission; the rules are {@link Workflow}'s. */
@Path("/api/passport/v1/applications/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workflow", description = "An application's steps: the officers' decisions and the applicant's resubmission (처리 상태)")
public class WorkflowResource {

    private static final int OK = 200;

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @Inject
    Workflow workflow;

    @Inject
    IdempotentWrites writes;

    @POST
    @Path("/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApplicationResource.OFFICER)
    @Transactional
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "start the review", value = "{\"to\":\"UNDER_REVIEW\",\"from\":\"SUBMITTED\"}"),
            @ExampleObject(name = "ask for a new photo", value = "{\"to\":\"SUPPLEMENT_REQUESTED\",\"from\":\"UNDER_REVIEW\",\"reason\":\"사진 규격 미달 (photo does not meet the rules)\",\"supplementDeadline\":\"2026-12-31\"}")}))
    @Operation(operationId = "changeApplicationStatus",
            summary = "Move an application to its next status (처리 상태 변경, 담당 공무원)",
            description = "UNDER_REVIEW, APPROVED, PRINTING, READY_FOR_PICKUP, ISSUED, REJECTED (with reason) or "
                    + "SUPPLEMENT_REQUESTED (with reason and supplementDeadline). Recorded in the history. With an "
                    + "Idempotency-Key a retry gets the first answer, not a 409 for a move already made. An application "
                    + "another officer holds answers 409 case-held naming them; one nobody holds becomes the caller's.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Not allowed from the current status, changed meanwhile, or held by another officer")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response transition(@PathParam("id") String id,
                               @Valid @NotNull(message = "is required (변경 내용이 없습니다)") TransitionRequest request,
                               @RestHeader(IdempotencyKey.HEADER) String idempotencyKey, @Context UriInfo uri) {
        UUID applicationId = ApplicationResource.parseId(id);
        return writes.once(keyed(idempotencyKey, uri, request),
                () -> writes.json(OK, null, workflow.transition(caller(), identity.getPrincipal().getName(), applicationId, request)));
    }

    @POST
    @Path("/resubmission")
    @RolesAllowed(ApplicationResource.CITIZEN)
    @Operation(operationId = "resubmitPassportApplication", summary = "Resubmit after a supplement request (보완 제출)",
            description = "The applicant's answer to SUPPLEMENT_REQUESTED: the application returns to UNDER_REVIEW.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "No supplement was requested")
    @Transactional
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response resubmit(@PathParam("id") String id, @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                             @Context UriInfo uri) {
        UUID applicationId = ApplicationResource.parseId(id);
        return writes.once(keyed(idempotencyKey, uri, null),
                () -> writes.json(OK, null, workflow.resubmit(caller(), applicationId)));
    }

    private KeyedRequest keyed(String idempotencyKey, UriInfo uri, Object body) {
        return writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey, HttpMethod.POST,
                uri.getPath(), body);
    }

    private Caller caller() {
        return Caller.of(token, identity);
    }
}
