package kr.civilportal.passport.photo;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kr.civilportal.passport.application.ApplicationResource;
import kr.civilportal.passport.application.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * An application's photo (여권 사진) as a plain {@code image/jpeg} body: a phone sends the file as it is, with
 * no multipart wrapping to parse, and the type is decided by {@link PhotoRules} from the bytes anyway.
 */
@Path("/api/passport/v1/applications/{id}/photo")
public class PhotoResource {

    static final String JPEG = "image/jpeg";

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @Inject
    Photos photos;

    @PUT
    @Consumes(JPEG)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApplicationResource.CITIZEN)
    @Operation(summary = "Upload the passport photo (여권 사진 등록)",
            description = "The applicant's JPEG, at most 500 KB, at least 413 × 531 px, 35:45; replaces any earlier one.")
    @APIResponse(responseCode = "200", description = "Stored")
    @APIResponse(responseCode = "400", description = "Not a photo that meets the rules (field photo): nothing stored")
    public PhotoView upload(@PathParam("id") String id, byte[] content) {
        return photos.upload(caller(), ApplicationResource.parseId(id), content);
    }

    @GET
    @Produces(JPEG)
    @RolesAllowed({ApplicationResource.CITIZEN, ApplicationResource.OFFICER})
    @Operation(summary = "The passport photo (여권 사진 조회)", description = "For the applicant and passport officers; others 404.")
    public byte[] read(@PathParam("id") String id) {
        return photos.read(caller(), ApplicationResource.parseId(id));
    }

    private Caller caller() {
        return new Caller(token.getSubject(), null, identity.hasRole(ApplicationResource.OFFICER));
    }
}
