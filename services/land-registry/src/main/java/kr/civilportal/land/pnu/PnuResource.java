package kr.civilportal.land.pnu;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kr.civilportal.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** PNU ⇄ lot address (필지고유번호 ⇄ 지번주소), for any lot of a legal dong on the register. */
@Path("/api/land/v1/pnu")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Lot addresses", description = "Parcel numbers (PNU) and lot addresses, each way (필지고유번호, 지번주소)")
public class PnuResource {

    @Inject
    PnuAddresses addresses;

    @GET
    @Path("{pnu}")
    @Operation(operationId = "getLotAddressOfPnu", summary = "The lot address of a PNU (필지고유번호 → 지번주소)",
            description = "The legal dong's full name and the lot number (지번, 산 for mountain lots) that the 19-digit "
                    + "parcel number encodes.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PnuView.class)))
    @APIResponse(responseCode = "400", description = "Not a PNU: a field error on `pnu`",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Its legal dong is not on the register",
            content = @Content(mediaType = "application/problem+json"))
    public PnuView address(@PathParam("pnu") @Parameter(schema = @Schema(type = SchemaType.STRING,
            pattern = "^[0-9]{10}[12][0-9]{8}$"), example = "1111010100100010000") String pnu) {
        try {
            return addresses.address(Pnu.parse(pnu));
        } catch (InvalidPnuException e) {
            throw ProblemException.invalidField("pnu", e.getMessage(), e.detailKo());
        }
    }

    @GET
    @Operation(operationId = "findPnuOfLotAddress", summary = "The PNU of a lot address (지번주소 → 필지고유번호)",
            description = "The legal dong's full name, or words only one legal dong's name contains, then the lot "
                    + "number: 서울특별시 종로구 청운동 1-0, 청운동 산 12-3.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PnuView.class)))
    @APIResponse(responseCode = "400", description = "No lot number, or ambiguous: a field error on `address`",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such legal dong on the register",
            content = @Content(mediaType = "application/problem+json"))
    public PnuView pnu(@QueryParam("address") @Parameter(example = "서울특별시 종로구 청운동 1-0") String address) {
        try {
            return addresses.pnu(LotAddress.parse(address));
        } catch (InvalidPnuException e) {
            throw ProblemException.invalidField("address", e.getMessage(), e.detailKo());
        }
    }
}
