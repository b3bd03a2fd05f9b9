package kr.civilportal.land.extract;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import kr.civilportal.documents.DocumentProblems;
import kr.civilportal.documents.SignedDocumentCheck;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.common.verification.ClientAddress;
import kr.civilportal.common.verification.GuessingLimiter;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 진위확인 by the document itself: anyone, without logging in, presents an extract's PDF. */
@Path("/api/land/v1/extract-verifications")
@PermitAll
@Tag(name = "Extracts")
public class ExtractDocumentVerificationResource {


    /** The answer about a genuine extract PDF: what its number says, when it was stamped, who signed. */
    public record DocumentVerification(String issuanceNumber, boolean genuine, String document,
                                       OffsetDateTime issuedAt, String pnu, String address, String contentHash,
                                       OffsetDateTime timeStamped, String signer) {
    }

    private final Extracts extracts;
    private final GuessingLimiter limiter;
    private final SignedDocumentCheck check;

    @Inject
    ExtractDocumentVerificationResource(Extracts extracts, GuessingLimiter limiter, ExtractSigning settings) {
        this.extracts = extracts;
        this.limiter = limiter;
        this.check = settings.check();
    }

    @POST
    @Consumes("application/pdf")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyLandExtractDocument", summary = "Verify an extract's PDF (전자문서 진위확인)",
            description = "Public. The PDF as received: its PAdES signature must cover the whole file, verify, chain "
                    + "to the portal's root and carry a valid time stamp, and its issuance number must be one issued "
                    + "here. Anything else is a 422 that says what is wrong; failures count against the guessing "
                    + "limit (429 with Retry-After).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DocumentVerification.class)))
    @APIResponse(responseCode = "422", description = "Not genuine", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many failures", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public Response verify(byte[] pdf, @Context HttpServerRequest request, @Context UriInfo uri) {
        return limiter.verify(ClientAddress.of(request), uri.getPath(), () -> {
            SignedDocumentCheck.Result checked = check.check(pdf);
            if (!checked.valid()) {
                throw DocumentProblems.notGenuine(checked, "extract");
            }
            return checked.issuanceNumber().flatMap(extracts::verify)
                    .map(e -> new DocumentVerification(e.issuanceNumber(), true, e.document(), e.issuedAt(), e.pnu(),
                            e.address(), e.contentHash(),
                            checked.timeStamped().atZone(KoreanTime.ZONE).toOffsetDateTime(), checked.signer()))
                    .orElseThrow(() -> new ProblemException(DocumentProblems.NOT_GENUINE,
                            "The document is signed, but no extract was issued with its number.",
                            "서명은 있으나 이 문서확인번호로 발급된 토지대장 등본이 없습니다. 진본이 아닙니다."));
        });
    }
}
