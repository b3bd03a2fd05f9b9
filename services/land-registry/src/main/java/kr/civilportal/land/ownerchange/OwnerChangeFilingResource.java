package kr.civilportal.land.ownerchange;

import jakarta.annotation.security.RolesAllowed;
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
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.idempotency.IdempotencyScope;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.land.owner.OwnerNameReads;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/** A citizen files an owner-change request (소유자 변동 신청) and follows it. */
@Path(OwnerChangeFilingResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OwnerChangeFilingResource.CITIZEN)
@Tag(name = "Owner-change requests", description = "Citizens' owner-change requests (소유자 변동 신청) and the land officers' queue of them")
public class OwnerChangeFilingResource {

    static final String PATH = "/api/land/v1/owner-change-requests";
    static final String CITIZEN = "citizen";

    private final OwnerChangeFilings filings;
    private final IdempotentWrites writes;
    private final JsonWebToken token;

    OwnerChangeFilingResource(OwnerChangeFilings filings, IdempotentWrites writes, JsonWebToken token) {
        this.filings = filings;
        this.writes = writes;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "inheritance of half", value = "{\"pnu\":\"1111010100100010000\",\"change\":"
                    + "{\"ownerName\":\"홍길동\",\"share\":\"1/2\",\"changedOn\":\"2026-11-02\",\"cause\":\"INHERITANCE\"}}")}))
    @Operation(operationId = "fileOwnerChangeRequest", summary = "File an owner-change request (소유자 변동 신청)",
            description = "Goes to the land officers of the parcel's 시·군·구 office, with its 처리기한 (dueOn). The new "
                    + "owner's name is answered masked. An unknown parcel or a bad change: 400 field errors, nothing "
                    + "filed. With an Idempotency-Key a retry gets the first answer and files nothing more.")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    @APIResponse(responseCode = "201", description = "Filed; Location is the request",
            content = @Content(schema = @Schema(implementation = OwnerChangeFilingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input: nothing was filed",
            content = @Content(mediaType = "application/problem+json"))
    public Response file(@Valid @NotNull(message = "is required (신청 내용이 없습니다)") NewOwnerChangeFiling filed,
                         @RestHeader(IdempotencyKey.HEADER) String idempotencyKey, @Context UriInfo uri) {
        KeyedRequest keyed = writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey,
                HttpMethod.POST, uri.getPath(), filed);
        return filings.file(filed, token.getSubject(), OwnerNameReads.userName(token), Filer.of(token), keyed,
                uri.getBaseUriBuilder().path(PATH).build()).toResponse();
    }

    @GET
    @Operation(operationId = "listMyOwnerChangeRequests", summary = "My owner-change requests, newest first",
            description = "The caller's own requests (the latest 50): status, 처리기한, and the decision with a "
                    + "rejection's reason. Names masked.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = OwnerChangeFilingView.class)))
    public List<OwnerChangeFilingView> mine() {
        return filings.ofFiler(token.getSubject());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMyOwnerChangeRequest", summary = "One of my owner-change requests",
            description = "Another citizen's request answers 404, as an unknown one.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OwnerChangeFilingView.class)))
    @APIResponse(responseCode = "404", description = "No such request of the caller's",
            content = @Content(mediaType = "application/problem+json"))
    public OwnerChangeFilingView one(@PathParam("id") UUID id) {
        return filings.ofFiler(token.getSubject(), id);
    }
}
