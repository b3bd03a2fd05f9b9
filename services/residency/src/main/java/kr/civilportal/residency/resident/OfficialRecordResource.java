package kr.civilportal.residency.resident;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;

/**
 * A residency officer reads a resident's record, always giving a reason; each read is written to the access
 * log in the same transaction. A search by number is a POST so the number never sits in a URL (and so in
 * no proxy or access log).
 */
@Path("/api/residency/v1/officer/residents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("residency-officer")
public class OfficialRecordResource {

    @Inject
    JsonWebToken token;

    @Inject
    ResidentRecords records;

    /** A search by resident registration number, with the reason for the read (열람 사유). */
    public record Search(
            @NotBlank @Schema(examples = "900315-2123451") String residentRegistrationNumber,
            @NotBlank @Size(max = 500) @Schema(examples = "전입신고 사실 조사") String reason) {
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a resident's record (주민등록 열람)",
            description = "Needs a reason (열람 사유); the read is logged and the resident can see it.")
    public ResidentRecords.OfficialView read(@PathParam("id") UUID id,
                                             @QueryParam("reason") @NotBlank @Size(max = 500) String reason) {
        return records.readAsOfficial(id, Callers.official(token), reason);
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Find a resident by registration number (주민등록번호 조회)",
            description = "Exact match through the keyed hash; the read is logged with its reason.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "search",
            value = "{\"residentRegistrationNumber\":\"900315-2123451\",\"reason\":\"전입신고 사실 조사\"}")))
    public ResidentRecords.OfficialView search(@Valid @NotNull Search search) {
        return records.findAsOfficial(search.residentRegistrationNumber(), Callers.official(token), search.reason());
    }
}
