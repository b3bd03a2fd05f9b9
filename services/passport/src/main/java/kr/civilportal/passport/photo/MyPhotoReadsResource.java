package kr.civilportal.passport.photo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import kr.civilportal.passport.application.ApplicationResource;
import kr.civilportal.passport.application.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An applicant sees who read the photos of their applications. There is no endpoint that changes an entry. */
@Path("/api/passport/v1/me/photo-reads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Photos", description = "The applicant's passport photo (여권 사진)")
public class MyPhotoReadsResource {

    @Inject
    JsonWebToken token;

    @Inject
    Photos photos;

    @GET
    @RolesAllowed(ApplicationResource.CITIZEN)
    @Operation(operationId = "listMyPhotoReads", summary = "Who read my passport photos (사진 열람 기록)",
            description = "Every passport officer's read of the photo of one of the caller's applications: which "
                    + "application, when, who (the officer's user name) and the reason they gave. Newest first, "
                    + "at most portal.passport.photo-reads.listed (100).")
    public List<PhotoReadView> mine() {
        return photos.readsOf(new Caller(token.getSubject(), null, false));
    }
}
