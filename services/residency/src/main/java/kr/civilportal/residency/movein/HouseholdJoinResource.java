package kr.civilportal.residency.movein;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.idempotency.IdempotencyScope;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.residency.resident.Callers;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * The head of a household answers requests to join it (세대 합가 동의). A JOIN move-in reaches an officer only
 * after this consent, so nobody can move into, or learn about, a household by knowing its head's number.
 */
@Path("/api/residency/v1/household/join-requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
@Tag(name = "Household joins", description = "Requests to join the caller's household, for its head to answer (세대 합가 동의)")
public class HouseholdJoinResource {

    private static final int OK = 200;

    @Inject
    JsonWebToken token;

    @Inject
    MoveIns moveIns;

    @Inject
    IdempotentWrites writes;

    @GET
    @Operation(operationId = "listJoinRequestsToMe", summary = "Requests to join my household (세대 합가 동의 요청)",
            description = "Requests naming the caller as head that wait for an answer, oldest first.")
    public List<JoinRequestView> toMe() {
        return moveIns.joinRequestsTo(Callers.residentId(token));
    }

    @POST
    @Path("/{id}/consent")
    @Transactional
    @Operation(operationId = "consentToJoinRequest", summary = "Consent to a request (동의)",
            description = "The report goes to the officers of the household's office (every officer where no office "
                    + "covers its address). 404 unless the request was sent to the caller; 409 if already answered or "
                    + "withdrawn, if the caller is no longer head, or while a change of head of the caller's household "
                    + "waits for its new head.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JoinRequestView.class)))
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response consent(@PathParam("id") UUID id, @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                            @Context UriInfo uri) {
        UUID head = Callers.residentId(token);
        return writes.once(keyed(idempotencyKey, uri), () -> writes.json(OK, null, moveIns.consent(head, id)));
    }

    @POST
    @Path("/{id}/refusal")
    @Transactional
    @Operation(operationId = "declineJoinRequest", summary = "Decline a request (미동의)",
            description = "The report ends rejected; its filer reads that the head did not consent. 404 unless the "
                    + "request was sent to the caller; 409 if already answered or withdrawn.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JoinRequestView.class)))
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response decline(@PathParam("id") UUID id, @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                            @Context UriInfo uri) {
        UUID head = Callers.residentId(token);
        return writes.once(keyed(idempotencyKey, uri), () -> writes.json(OK, null, moveIns.decline(head, id)));
    }

    private KeyedRequest keyed(String idempotencyKey, UriInfo uri) {
        return writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey, HttpMethod.POST,
                uri.getPath(), null);
    }
}
