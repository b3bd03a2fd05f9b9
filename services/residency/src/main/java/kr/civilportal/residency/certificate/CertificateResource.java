package kr.civilportal.residency.certificate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.transaction.Transactional;
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
import java.net.URI;
import java.util.List;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.idempotency.IdempotencyScope;
import kr.civilportal.common.idempotency.IdempotentResponse;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.residency.resident.Callers;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/** A citizen's own certificates: issue one (the PDF comes back at once), list them, download one again. */
@Path(CertificateResource.PATH)
@RolesAllowed("citizen")
@Tag(name = "Certificates", description = "Household and personal-history certificates, issued and downloaded again (등본·초본)")
public class CertificateResource {

    static final String PATH = "/api/residency/v1/certificates";

    @Inject
    JsonWebToken token;

    @Inject
    Certificates certificates;

    @Inject
    IdempotentWrites writes;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Transactional
    @Operation(operationId = "issueCertificate", summary = "Issue a certificate (등본·초본 발급)",
            description = "Issues a household (HOUSEHOLD, 등본) or personal-history (PERSONAL_HISTORY, 초본) certificate "
                    + "of the caller and answers with the PDF. Its issuance number (문서확인번호) is in the "
                    + "Issuance-Number header and on the document, with a QR code to the public verification. "
                    + "With an Idempotency-Key a retry gets the same certificate again (same number, the same PDF "
                    + "rendered from the stored data) instead of a second one.")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "household", value = "{\"kind\":\"HOUSEHOLD\",\"includeFormerAddresses\":false,\"showBackDigits\":false}"),
            @ExampleObject(name = "personal history with former addresses",
                    value = "{\"kind\":\"PERSONAL_HISTORY\",\"includeFormerAddresses\":true,\"showBackDigits\":true}")}))
    @APIResponse(responseCode = "201", description = "The certificate PDF",
            content = @Content(mediaType = "application/pdf"),
            headers = {@Header(name = "Issuance-Number", description = "문서확인번호, e.g. 1234-5678-9012-3452"),
                    @Header(name = "Content-Hash", description = "SHA-256 of the attested data")})
    public Response issue(@Valid @NotNull CertificateRequest request,
                          @RestHeader(IdempotencyKey.HEADER) String idempotencyKey, @Context UriInfo uri) {
        KeyedRequest keyed = writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey,
                HttpMethod.POST, uri.getPath(), request);
        Certificates.Issued issued = certificates.issue(Callers.residentId(token), request, keyed);
        CertificateView c = issued.certificate();
        Response.ResponseBuilder answer = Response.created(URI.create(c.pdf()))
                .type("application/pdf")
                .header("Issuance-Number", c.issuanceNumber())
                .header("Content-Hash", c.contentHash())
                .header("Content-Disposition", "attachment; filename=\"certificate-" + c.issuanceNumber() + ".pdf\"")
                .entity(issued.pdf());
        if (issued.replayed()) {
            answer.header(IdempotentResponse.REPLAYED_HEADER, "true");
        }
        return answer.build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMyCertificates",
            summary = "My issued certificates (발급 내역)", description = "Newest first.")
    public List<CertificateView> mine() {
        return certificates.of(Callers.residentId(token));
    }

    @GET
    @Path("/{issuanceNumber}/pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(operationId = "downloadCertificate", summary = "Download one of my certificates again (재출력)",
            description = "Rendered from the stored attested data: the same content, number and hash.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/pdf"))
    public Response pdf(@PathParam("issuanceNumber") String issuanceNumber) {
        return Response.ok(certificates.pdf(Callers.residentId(token), issuanceNumber), "application/pdf").build();
    }
}
