package kr.civilportal.land.parcel;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.land.pnu.InvalidPnuException;
import kr.civilportal.land.pnu.Pnu;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Parcels of the land register by PNU. Land register entries are public records (anyone may have an extract),
 * so any signed-in user reads them; owner data, when it comes, is masked for all but land officers.
 */
@Path("/api/land/v1/parcels")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ParcelResource {

    /** The name of the path parameter, and of the field a validation problem points at. */
    static final String PNU = "pnu";

    @Inject
    ParcelRegister register;

    @GET
    @Path("{pnu}")
    @Operation(summary = "A parcel by its PNU (토지대장 조회)",
            description = "Address, land category, area and official land prices of one parcel.")
    @APIResponse(responseCode = "200", description = "The parcel")
    @APIResponse(responseCode = "400", description = "Not a PNU: a field error on `pnu`",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such parcel on the register",
            content = @Content(mediaType = "application/problem+json"))
    public ParcelView parcel(
            @Parameter(description = "Parcel number (필지고유번호): 19 digits",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{10}[12][0-9]{8}$"),
                    example = "1111010100100010000")
            @PathParam(PNU) String pnu) {
        return register.parcel(pnuOf(pnu));
    }

    /** Parses the path parameter, turning a broken rule into a field error the client can show next to it. */
    static Pnu pnuOf(String text) {
        try {
            return Pnu.parse(text);
        } catch (InvalidPnuException e) {
            throw ProblemException.invalidField(PNU, e.getMessage(), e.detailKo());
        }
    }
}
