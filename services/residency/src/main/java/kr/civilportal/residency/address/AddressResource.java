package kr.civilportal.residency.address;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The address search (도로명주소 검색) over the register, for whoever fills in an address: a citizen's move-in form,
 * an officer checking one. The register is public data, so any signed-in user may search it.
 */
@Path("/api/residency/v1/addresses")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Addresses", description = "The road-name address register (도로명주소 검색)")
public class AddressResource {

    @Inject
    AddressRegister register;

    @GET
    @Operation(operationId = "searchAddresses", summary = "Search the road-name address register (도로명주소 검색)",
            description = "The register's addresses containing every word of q (시·도 shortened or in full, 시·군·구, "
                    + "road, building number, legal dong, building name or postal code), in address order, at most "
                    + "ten. A move-in's new address must be one of them (its roadNameAddress, then a comma and the "
                    + "detail). Nothing found: an empty list.")
    @APIResponse(responseCode = "200", description = "The matching addresses, possibly none",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AddressView.class)))
    @APIResponse(responseCode = "400", description = "urn:civilportal:problem:validation-failed: q missing, or not "
            + "2 to 100 characters once trimmed (field q)")
    public List<AddressView> search(
            @QueryParam("q") @Parameter(description = "검색어: words of the address, e.g. 서울 세종대로 209",
                    example = "세종대로 209") String q) {
        return register.search(q);
    }
}
