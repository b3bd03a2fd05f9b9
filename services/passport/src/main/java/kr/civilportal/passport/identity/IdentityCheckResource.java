package kr.civilportal.passport.identity;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/** A passport officer settles an applicant's identity check by hand (담당자 본인 확인). */
@Path("/api/passport/v1/applications/{id}/identity-check")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity checks", description = "Settling an application's identity check by hand (본인 확인, 담당 공무원)")
public class IdentityCheckResource {

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @Inject
    IdentityChecks checks;

    @Inject
    IdempotentWrites writes;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApplicationResource.OFFICER)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "confirmed at the desk", value = "{\"outcome\":\"CONFIRMED\",\"note\":\"신분증 대조 확인 (ID card checked at the desk)\"}")}))
    @Operation(operationId = "settleIdentityCheck", summary = "Settle the identity check by hand (본인 확인 처리, 담당 공무원)",
            description = "While the check is PENDING (residency unreachable) or NEEDS_OFFICER (residency has no "
                    + "such resident): CONFIRMED or REFUTED with a note; recorded in the history with who and when. "
                    + "With an Idempotency-Key a retry gets the first answer instead of a 409 for a settled check.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Already settled (urn:civilportal:problem:identity-check-settled)")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response resolve(@PathParam("id") String id,
                            @Valid @NotNull(message = "is required (확인 내용이 없습니다)") ResolutionRequest request,
                            @RestHeader(IdempotencyKey.HEADER) String idempotencyKey, @Context UriInfo uri) {
        Caller officer = Caller.of(token, identity);
        KeyedRequest keyed = writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey,
                HttpMethod.POST, uri.getPath(), request);
        return checks.resolve(officer, identity.getPrincipal().getName(), ApplicationResource.parseId(id), request.outcome(), request.note().strip(),
                keyed).toResponse();
    }
}
