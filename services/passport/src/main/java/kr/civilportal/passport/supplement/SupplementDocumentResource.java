package kr.civilportal.passport.supplement;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.documents.UploadedDocumentDownload;
import kr.civilportal.passport.application.ApplicationResource;
import kr.civilportal.passport.application.Caller;
import kr.civilportal.passport.photo.Officials;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A document of a 보완 answer, downloaded (docs/supplement-documents.md), answered as residency's are
 * ({@link UploadedDocumentDownload}: its found type, an attachment under its name, nosniff, no-store).
 */
@Path("/api/passport/v1/applications/{id}/supplement-documents/{documentId}")
@Tag(name = "Workflow", description = "An application's steps: the officers' decisions and the applicant's resubmission (처리 상태)")
public class SupplementDocumentResource {

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @Inject
    Supplements supplements;

    @GET
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @RolesAllowed({ApplicationResource.CITIZEN, ApplicationResource.OFFICER})
    @Operation(operationId = "getPassportSupplementDocument",
            summary = "A document of a supplement answer (보완 서류 내려받기)",
            description = "For the applicant, and for passport officers who may read the application (its office's); "
                    + "anyone else, or a document not of this application: 404. The bytes as sent, Content-Type the "
                    + "type they were found to be, as an attachment under its file name (Content-Disposition "
                    + "filename*), nosniff, no-store. Each officer's download is logged in the record-read log "
                    + "(reason supplement-document) in the same transaction: the applicant lists it at "
                    + "/api/passport/v1/me/photo-reads, an auditor at /api/passport/v1/audit/record-reads.")
    @APIResponse(responseCode = "200", description = "The document", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "urn:civilportal:problem:not-found")
    public Response download(@PathParam("id") String id, @PathParam("documentId") String documentId) {
        Supplements.Downloaded document = supplements.download(Caller.of(token, identity), Officials.nameOf(token),
                ApplicationResource.parseId(id), documentIdOf(documentId));
        return UploadedDocumentDownload.of(document.bytes(), document.mediaType(), document.fileName());
    }

    /** A document id that is no UUID names no document: 404, as an unknown one. */
    private static UUID documentIdOf(String documentId) {
        try {
            return UUID.fromString(documentId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No such document of this passport application.",
                    "이 여권 발급 신청의 보완 서류가 아닙니다.");
        }
    }
}
