package kr.civilportal.residency.resident;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
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
import kr.civilportal.common.identity.OfficesClaim;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.idempotency.IdempotencyScope;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.residency.rrn.RrnCipher;
import kr.civilportal.residency.rrn.RrnInput;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A residency officer reads a resident's record, always giving a reason; each read is written to the access
 * log in the same transaction. A search by number is a POST so the number never sits in a URL (and so in
 * no proxy or access log).
 */
@Path("/api/residency/v1/officer/residents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("residency-officer")
@Tag(name = "Resident records", description = "Officers' reads of a resident's record, always with a reason (주민등록 열람)")
public class OfficialRecordResource {

    private java.util.Set<String> offices() {
        return OfficesClaim.of(token.getClaim(OfficesClaim.CLAIM));
    }

    private static final int OK = 200;

    @Inject
    JsonWebToken token;

    @Inject
    ResidentRecords records;

    @Inject
    IdempotentWrites writes;

    @Inject
    RrnCipher cipher;

    /**
     * The longest reason a GET carries in its query: 200 Korean characters URL-encoded (about 1.8 KB) stay inside
     * the 4 KB request line every server of the portal accepts, where 500 would be refused with a bare 414 before
     * this check could answer (the console asks for at most 200 too). A search's body may carry 500.
     */
    static final int QUERY_REASON_MAX = 200;

    /** A search by resident registration number, with the reason for the read (열람 사유). */
    public record Search(
            @NotBlank @Schema(examples = "800101-1000008") String residentRegistrationNumber,
            @NotBlank @Size(max = 500) @Schema(examples = "전입신고 사실 조사") String reason) {
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "readResidentRecord", summary = "Read a resident's record (주민등록 열람)",
            description = "Needs a reason (열람 사유); the read is logged and the resident can see it. 관할: a resident "
                    + "living in the officer's offices' districts (or at an address no office covers), or whose "
                    + "move-in report waits at one of them; anyone else's record answers 404, as an unknown id.")
    public ResidentRecords.OfficialView read(@PathParam("id") UUID id,
                                             @QueryParam("reason") @NotBlank @Size(max = QUERY_REASON_MAX) String reason) {
        return records.readAsOfficial(id, Callers.official(token), offices(), reason);
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "findResidentByNumber", summary = "Find a resident by registration number (주민등록번호 조회)",
            description = "Exact match through the keyed hash; the read is logged with its reason. 관할 as for a read "
                    + "by id: a resident outside the officer's offices answers 404, as a number of nobody. With an "
                    + "Idempotency-Key a retry (the answer was lost) gets the first answer again and is not logged "
                    + "a second time: it is the same read. Without one, every search is a read of its own.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ResidentRecords.OfficialView.class)))
    @APIResponse(responseCode = "404", description = "No resident has the number, or none the officer's offices may read")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "search",
            value = "{\"residentRegistrationNumber\":\"800101-1000008\",\"reason\":\"전입신고 사실 조사\"}")))
    public Response search(@Valid @NotNull Search search, @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                           @Context UriInfo uri) {
        String official = Callers.official(token);
        // The fingerprint stands for the number by its keyed hash: a plain hash of it would be easily reversed.
        Search fingerprinted = new Search(cipher.lookupToken(
                RrnInput.parse("residentRegistrationNumber", search.residentRegistrationNumber())), search.reason());
        KeyedRequest keyed = writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey,
                HttpMethod.POST, uri.getPath(), fingerprinted);
        return writes.once(keyed, () -> writes.json(OK, null,
                records.findAsOfficial(search.residentRegistrationNumber(), official, offices(), search.reason())));
    }
}
