package kr.civilportal.residency.verification;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.OptionalLong;
import kr.civilportal.common.document.IssuanceNumber;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 진위확인: anyone, without logging in, checks an issuance number. */
@Path("/api/residency/v1/verifications")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Verification", description = "Public verification of a certificate's issuance number (진위확인)")
public class VerificationResource {

    static final ProblemType NOT_ISSUED = new ProblemType("certificate-not-issued", "No such certificate", 404);

    @Inject
    Verifications verifications;

    @Inject
    GuessingLimiter limiter;

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
        String client = ClientAddress.of(request);
        OptionalLong wait = limiter.blocked(client);
        if (wait.isPresent()) {
            return tooMany(wait.getAsLong(), uri);
        }
        var number = IssuanceNumber.parse(text);
        var found = number.flatMap(verifications::find);
        if (found.isPresent()) {
            return Response.ok(found.get()).build();
        }
        wait = limiter.miss(client);
        if (wait.isPresent()) {
            return tooMany(wait.getAsLong(), uri);
        }
        if (number.isEmpty()) {
            throw ProblemException.invalidField("issuanceNumber",
                    "An issuance number has 16 digits in four groups (1234-5678-9012-3452) with a valid check digit.",
                    "문서확인번호는 16자리 숫자(1234-5678-9012-3452)이며 검증 숫자가 맞아야 합니다.");
        }
        throw new ProblemException(NOT_ISSUED, "No certificate was issued with this number: it is not genuine.",
                "이 문서확인번호로 발급된 증명서가 없습니다. 진본이 아닙니다.");
    }

    private static Response tooMany(long seconds, UriInfo uri) {
        Problem p = ProblemType.TOO_MANY_REQUESTS.problem("Too many unknown or malformed numbers from your address. Try again in "
                + seconds + " s.", "확인되지 않은 번호 조회가 너무 많습니다. " + seconds + "초 후 다시 시도해 주세요.");
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", seconds)
                .entity(p.withInstance(uri.getPath())).build();
    }
}
