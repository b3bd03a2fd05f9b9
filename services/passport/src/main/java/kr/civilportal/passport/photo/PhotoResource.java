package kr.civilportal.passport.photo;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import kr.civilportal.passport.application.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * An application's photo (여권 사진) as a plain {@code image/jpeg} body: a phone sends the file as it is, with
 * no multipart wrapping to parse, and the type is decided by {@link PhotoRules} from the bytes anyway.
 */
@Path("/api/passport/v1/applications/{id}/photo")
@Tag(name = "Photos", description = "The applicant's passport photo (여권 사진)")
public class PhotoResource {

    private static final int OK = 200;

    static final String JPEG = "image/jpeg";

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @Inject
    Photos photos;

    @Inject
    IdempotentWrites writes;

    @PUT
    @Consumes(JPEG)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApplicationResource.CITIZEN)
    @Transactional
    @Operation(operationId = "uploadPassportPhoto", summary = "Upload the passport photo (여권 사진 등록)",
            description = "The applicant's JPEG, at most 500 KB, at least 413 × 531 px, 35:45; replaces any earlier one. "
                    + "With an Idempotency-Key a retry of the same file gets the first answer and stores nothing again.")
    @APIResponse(responseCode = "200", description = "Stored", content = @Content(schema = @Schema(implementation = PhotoView.class)))
    @APIResponse(responseCode = "400", description = "Not a photo that meets the rules (field photo): nothing stored")
    @APIResponse(responseCode = "413", description = "urn:civilportal:problem:content-too-large: a body over 8 MB")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response upload(@PathParam("id") String id, byte[] content,
                           @RestHeader(IdempotencyKey.HEADER) String idempotencyKey, @Context UriInfo uri) {
        UUID applicationId = ApplicationResource.parseId(id);
        KeyedRequest keyed = writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey,
                HttpMethod.PUT, uri.getPath(), content);
        return writes.once(keyed, () -> writes.json(OK, null, photos.upload(caller(), applicationId, content)));
    }

    @GET
    @Produces(JPEG)
    @RolesAllowed({ApplicationResource.CITIZEN, ApplicationResource.OFFICER})
    @Operation(operationId = "getPassportPhoto", summary = "The passport photo (여권 사진 조회)",
            description = "For the applicant and passport officers; others 404. An officer gives a reason (열람 사유, "
                    + "at most 200 characters), without which the answer is 400 (field reason); each officer's read is "
                    + "logged with who, when and the reason, and the applicant lists those reads at /api/passport/v1/me/photo-reads.")
    @APIResponse(responseCode = "200", description = "The JPEG", content = @Content(mediaType = JPEG))
    @APIResponse(responseCode = "400", description = "An officer without a reason (field reason): nothing read")
    @APIResponse(responseCode = "404", description = "No such application for the caller, or no photo yet")
    public Response read(@PathParam("id") String id,
                         @QueryParam("reason") @Parameter(description = "Why an officer reads the photo (열람 사유); "
                                 + "required of officers, ignored for the applicant") String reason) {
        byte[] photo = photos.read(caller(), Officials.nameOf(token), ApplicationResource.parseId(id), reason);
        // A face is personal data: no cache on the way may keep a copy.
        return Response.ok(photo, JPEG).header("Cache-Control", "no-store").build();
    }

    private Caller caller() {
        return Caller.of(token, identity);
    }
}
