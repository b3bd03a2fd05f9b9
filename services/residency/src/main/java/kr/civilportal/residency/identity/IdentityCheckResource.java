package kr.civilportal.residency.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Identity check for other services (본인 확인, service to service): is this resident registered, and when
 * were they born. Only a client holding the realm role {@value IdentityChecks#ROLE} (the passport service's
 * service account) may call it; citizens and officers get 403. Each answer is written to the access log.
 */
@Path("/api/residency/v1/identity")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(IdentityChecks.ROLE)
@Tag(name = "Identity checks", description = "Whether a resident exists and their birth date, for other services only (본인 확인)")
public class IdentityCheckResource {

    /**
     * The purposes a service may give, as codes: free text would land in the resident's access log as the
     * caller wrote it (a security finding). Today one: a passport application, by its id.
     */
    static final String PURPOSE = "passport-application:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    JsonWebToken token;

    @Inject
    IdentityChecks checks;

    @GET
    @Path("/{residentId}")
    @Operation(operationId = "checkResidentIdentity", summary = "Identity check of a resident (본인 확인, services only)",
            description = "Whether the resident is registered and their birth date, nothing more (no name, no "
                    + "number, no address). Needs the service role identity-check; logged with the purpose.")
    @APIResponse(responseCode = "200", description = "Registered: residentId, registered, birthDate")
    @APIResponse(responseCode = "404", description = "No resident with this id (urn:civilportal:problem:not-found)")
    @APIResponse(responseCode = "403", description = "The caller is not a service with the identity-check role")
    public IdentityChecks.Identity check(
            @PathParam("residentId") String residentId,
            @QueryParam("purpose") @NotBlank(message = "is required (조회 목적을 입력해 주세요)")
            @Pattern(regexp = PURPOSE, message = "must be a purpose code: passport-application:<application id> "
                    + "(조회 목적 코드가 올바르지 않습니다)")
            @Parameter(description = "Why the service asks, as a code: passport-application:<application id>; goes "
                    + "into the access log the resident reads")
            String purpose) {
        return checks.check(parse(residentId), client(), purpose.strip());
    }

    /** The calling service, as the access log names it: the token's authorised party (its client id). */
    private String client() {
        String azp = token.getClaim("azp");
        if (azp == null || azp.isBlank()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Your token does not name its client, so the check "
                    + "cannot be logged.", "토큰에 클라이언트 정보가 없어 조회 기록을 남길 수 없습니다.");
        }
        return azp;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("residentId", "must be a resident id (UUID)",
                    "주민 식별자 형식이 올바르지 않습니다.");
        }
    }
}
