package kr.civilportal.residency.verification;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.common.verification.ClientAddress;
import kr.civilportal.common.verification.GuessingLimiter;
import kr.civilportal.documents.DocumentProblems;
import kr.civilportal.documents.IssuanceNumber;
import kr.civilportal.documents.SignedDocumentCheck;
import kr.civilportal.residency.certificate.CertificateSigning;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 진위확인: anyone, without logging in, checks an issuance number, or the certificate's PDF itself. */
@Path("/api/residency/v1/verifications")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Verification", description = "Public verification of a certificate's issuance number (진위확인)")
public class VerificationResource {

    static final ProblemType NOT_ISSUED = new ProblemType("certificate-not-issued", "No such certificate", 404);
    static final String PDF = "application/pdf";

    private final Verifications verifications;
    private final GuessingLimiter limiter;
    /** Checks presented PDFs against the roots residency trusts (read once, here). */
    private final SignedDocumentCheck documents;

    @Inject
    VerificationResource(Verifications verifications, GuessingLimiter limiter, CertificateSigning settings) {
        this.verifications = verifications;
        this.limiter = limiter;
        this.documents = settings.check();
    }

    @GET
    @Path("/{issuanceNumber}")
    @Operation(operationId = "verifyCertificate", summary = "Verify an issuance number (문서확인번호 진위확인)",
            description = "Public. Answers whether a certificate with this number was issued, when, of what kind, "
                    + "and the SHA-256 of what it attests. A malformed number is a 400 with a field error, an "
                    + "unknown one a 404; too many of either from one address get 429 with Retry-After.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Verification.class)))
    @APIResponse(responseCode = "404", description = "Not issued", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many misses", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response verify(@PathParam("issuanceNumber") String text, @Context HttpServerRequest request,
                           @Context UriInfo uri) {
        return limiter.verify(ClientAddress.of(request), uri.getPath(), () -> {
            var number = IssuanceNumber.parse(text).orElseThrow(DocumentProblems::malformedIssuanceNumber);
            return verifications.find(number).orElseThrow(() -> new ProblemException(NOT_ISSUED,
                    "No certificate was issued with this number: it is not genuine.",
                    "이 문서확인번호로 발급된 증명서가 없습니다. 진본이 아닙니다."));
        });
    }

    @POST
    @Consumes(PDF)
    @Operation(operationId = "verifyCertificateDocument", summary = "Verify a certificate's PDF (전자문서 진위확인)",
            description = "Public. The PDF itself, as the citizen received it: its PAdES signature must cover the whole "
                    + "file, verify, chain to the portal's root, and carry a valid time stamp; the issuance number it "
                    + "carries must be one issued here. Then the same answer as for the number, with when it was "
                    + "stamped and who signed. Anything else is a 422 that says what is wrong (changed after signing, "
                    + "not signed by the portal, no time stamp, unknown number); failures count against the same "
                    + "guessing limit as unknown numbers (429 with Retry-After).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DocumentVerification.class)))
    @APIResponse(responseCode = "422", description = "Not genuine", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many failures", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public Response verifyDocument(byte[] pdf, @Context HttpServerRequest request, @Context UriInfo uri) {
        return limiter.verify(ClientAddress.of(request), uri.getPath(), () -> {
            SignedDocumentCheck.Result checked = documents.check(pdf);
            if (!checked.valid()) {
                throw DocumentProblems.notGenuine(checked, "certificate");
            }
            return checked.issuanceNumber().flatMap(verifications::find)
                    .map(found -> DocumentVerification.of(found, checked))
                    .orElseThrow(() -> new ProblemException(DocumentProblems.NOT_GENUINE,
                            "The document is signed, but no certificate was issued with its number.",
                            "서명은 있으나 이 문서확인번호로 발급된 주민등록표가 없습니다. 진본이 아닙니다."));
        });
    }
}
