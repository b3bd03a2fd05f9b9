package kr.civilportal.land.extract;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
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
import io.vertx.core.http.HttpServerRequest;
import kr.civilportal.common.verification.ClientAddress;
import kr.civilportal.common.verification.GuessingLimiter;

import java.net.URI;
import java.util.List;
import kr.civilportal.documents.DocumentProblems;
import kr.civilportal.documents.IssuanceNumber;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.idempotency.IdempotencyScope;
import kr.civilportal.common.idempotency.IdempotentResponse;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.land.pnu.InvalidPnuException;
import kr.civilportal.land.pnu.Pnu;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * Extracts of the land register (토지대장 등본): any signed-in user has one issued as a PDF (land registers are
 * public records) and downloads it again; anyone, without logging in, verifies an issuance number.
 */
@Path(ExtractResource.PATH)
@Tag(name = "Extracts", description = "Extracts of the land register as verifiable PDFs, and their public verification (토지대장 등본)")
public class ExtractResource {

    static final String PATH = "/api/land/v1/extracts";
    static final String LAND_OFFICER = "land-officer";
    static final ProblemType NOT_ISSUED = new ProblemType("extract-not-issued", "No such extract", 404);

    @Inject
    Extracts extracts;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    IdempotentWrites writes;

    @Inject
    GuessingLimiter limiter;

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Transactional
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "extract of a parcel", value = "{\"pnu\":\"1111010100100010000\"}")}))
    @Operation(operationId = "issueLandExtract", summary = "Issue an extract (토지대장 등본 발급)",
            description = "Answers with the PDF (Korean font embedded). Its issuance number (문서확인번호) is in the "
                    + "Issuance-Number header and on the document, with the content hash and a QR code to the public "
                    + "verification. Owner names are masked except for land officers. With an Idempotency-Key a "
                    + "retry gets the same extract again (same number, the same PDF rendered from the stored data).")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    @APIResponse(responseCode = "201", description = "The extract PDF", content = @Content(mediaType = "application/pdf"),
            headers = {@Header(name = "Issuance-Number", description = "문서확인번호, e.g. 1234-5678-9012-3452"),
                    @Header(name = "Content-Hash", description = "SHA-256 of the attested data")})
    @APIResponse(responseCode = "400", description = "No or malformed PNU: a field error on `pnu`",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such parcel", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response issue(@Valid @NotNull(message = "is required (요청 내용이 없습니다)") ExtractRequest request,
                          @RestHeader(IdempotencyKey.HEADER) String idempotencyKey, @Context UriInfo uri) {
        Pnu pnu;
        try {
            pnu = Pnu.parse(request.pnu());
        } catch (InvalidPnuException e) {
            throw ProblemException.invalidField("pnu", e.getMessage(), e.detailKo());
        }
        KeyedRequest keyed = writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey,
                HttpMethod.POST, uri.getPath(), request);
        Extracts.Issued issued = extracts.issue(pnu, token.getSubject(), identity.hasRole(LAND_OFFICER), keyed);
        ExtractVerification e = issued.record();
        Response.ResponseBuilder answer = Response.created(URI.create(PATH + "/" + e.issuanceNumber() + "/pdf"))
                .type("application/pdf")
                .header("Issuance-Number", e.issuanceNumber())
                .header("Content-Hash", e.contentHash())
                .header("Content-Disposition", "attachment; filename=\"land-extract-" + e.issuanceNumber() + ".pdf\"")
                .entity(issued.pdf());
        if (issued.replayed()) {
            answer.header(IdempotentResponse.REPLAYED_HEADER, "true");
        }
        return answer.build();
    }

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMyLandExtracts", summary = "My issued extracts (발급 내역)",
            description = "The extracts issued to the caller's account, newest first (the 50 latest), each with the "
                    + "path to download it again.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = ExtractView.class)))
    public List<ExtractView> mine() {
        return extracts.issuedTo(token.getSubject());
    }

    @GET
    @Path("/{issuanceNumber}/pdf")
    @Authenticated
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(operationId = "downloadLandExtract", summary = "Download an extract again (재출력)",
            description = "For whoever had it issued, and land officers; rendered from the stored data, so the same "
                    + "content, number and hash as the first time.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/pdf"))
    @APIResponse(responseCode = "404", description = "No such extract of yours", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response pdf(@PathParam("issuanceNumber") String issuanceNumber) {
        byte[] pdf = extracts.pdf(issuanceNumber, token.getSubject(), identity.hasRole(LAND_OFFICER));
        return Response.ok(pdf, "application/pdf").build();
    }

    @GET
    @Path("/{issuanceNumber}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyLandExtract", summary = "Verify an extract's issuance number (토지대장 등본 진위확인)",
            description = "Public, no login: whether an extract with this number was issued, when, of which parcel, "
                    + "and the SHA-256 of what it attests. A malformed number is a 400 with a field error, an unknown "
                    + "one a 404; too many of either from one address get 429 with Retry-After.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ExtractVerification.class)))
    @APIResponse(responseCode = "400", description = "Not an issuance number", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Not issued: not genuine", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many misses", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response verify(@PathParam("issuanceNumber") String text, @Context HttpServerRequest request,
                           @Context UriInfo uri) {
        return limiter.verify(ClientAddress.of(request), uri.getPath(), () -> {
            var number = IssuanceNumber.parse(text).orElseThrow(DocumentProblems::malformedIssuanceNumber);
            return extracts.verify(number).orElseThrow(() -> new ProblemException(NOT_ISSUED,
                    "No land register extract was issued with this number: it is not genuine.",
                    "이 문서확인번호로 발급된 토지대장 등본이 없습니다. 진본이 아닙니다."));
        });
    }
}
