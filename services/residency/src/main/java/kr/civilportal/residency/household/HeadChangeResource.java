package kr.civilportal.residency.household;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * 세대주 변경신고: the head names another member as head, the member consents or refuses, the head may withdraw while
 * it waits ({@link HeadChanges}). A change waiting or decided is shown only to its filer and its new head (404 to
 * anyone else, as an unknown id).
 */
@Path("/api/residency/v1/household/head-changes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
@Tag(name = "Household head changes", description = "세대주 변경신고: filed by the head, applied on the new head's consent")
public class HeadChangeResource {

    private static final int OK = 200;
    private static final int CREATED = 201;

    @Inject
    JsonWebToken token;

    @Inject
    HeadChanges headChanges;

    @Inject
    IdempotentWrites writes;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "fileHeadChange", summary = "Name another member as head (세대주 변경신고)",
            description = "Only the head of a household with other members. newHead: a residentId of GET /me's "
                    + "household.members; relations: every other member, me included, each once, with the relation to "
                    + "the new head (not HEAD). It waits for the new head's consent.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = HeadChangeView.class)))
    @APIResponse(responseCode = "400", description = "urn:civilportal:problem:validation-failed naming newHead, "
            + "relations, relations[i].residentId or relations[i].relationToHead")
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:conflict: not a head with members, a head "
            + "change already waits, a member is on an open move-in report, or a request to join the household is "
            + "open (waiting for my answer, or consented and not yet decided)")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "the spouse becomes head (demo household)", value = "{\"newHead\":\"5e0b7a52-1c1d-4c9e-9f00-000000000003\","
                    + "\"relations\":[{\"residentId\":\"5e0b7a52-1c1d-4c9e-9f00-000000000001\",\"relationToHead\":\"SPOUSE\"},"
                    + "{\"residentId\":\"5e0b7a52-1c1d-4c9e-9f00-000000000004\",\"relationToHead\":\"CHILD\"}]}")))
    public Response file(@NotNull HeadChangeRequest request, @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                         @Context UriInfo uri) {
        UUID filer = Callers.residentId(token);
        KeyedRequest keyed = writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey,
                HttpMethod.POST, uri.getPath(), request);
        return writes.once(keyed, () -> writes.json(CREATED, null, headChanges.file(filer, request)));
    }

    @GET
    @Operation(operationId = "listHeadChanges", summary = "My household's head changes",
            description = "Those I filed or am named in as new head: open, and decided within the last days "
                    + "(portal.residency.head-change.recent-days), newest first.")
    public List<HeadChangeView> mine() {
        return headChanges.of(Callers.residentId(token));
    }

    @POST
    @Path("/{id}/consent")
    @Transactional
    @Operation(operationId = "consentToHeadChange", summary = "Consent to become head (동의)",
            description = "Only the named new head (else 404). Applied at once if the household is as filed; else "
                    + "409 and the change is CANCELLED.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HeadChangeView.class)))
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response consent(@PathParam("id") UUID id, @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                            @Context UriInfo uri) {
        UUID newHead = Callers.residentId(token);
        return writes.once(keyed(idempotencyKey, HttpMethod.POST, uri),
                () -> writes.json(OK, null, headChanges.consent(newHead, id)));
    }

    @POST
    @Path("/{id}/refusal")
    @Transactional
    @Operation(operationId = "refuseHeadChange", summary = "Refuse to become head (미동의)",
            description = "Only the named new head (else 404); 409 when it no longer waits.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HeadChangeView.class)))
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response refuse(@PathParam("id") UUID id, @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                           @Context UriInfo uri) {
        UUID newHead = Callers.residentId(token);
        return writes.once(keyed(idempotencyKey, HttpMethod.POST, uri),
                () -> writes.json(OK, null, headChanges.refuse(newHead, id)));
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "withdrawHeadChange", summary = "Withdraw my head change (취하)",
            description = "Only its filer (else 404), while it waits for the new head (else 409).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HeadChangeView.class)))
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response withdraw(@PathParam("id") UUID id, @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                             @Context UriInfo uri) {
        UUID filer = Callers.residentId(token);
        return writes.once(keyed(idempotencyKey, HttpMethod.DELETE, uri),
                () -> writes.json(OK, null, headChanges.withdraw(filer, id)));
    }

    private KeyedRequest keyed(String idempotencyKey, String method, UriInfo uri) {
        return writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey, method, uri.getPath(), null);
    }
}
