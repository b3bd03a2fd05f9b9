package kr.civilportal.residency.resident;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own resident record, found through the {@code resident_id} claim of their token. */
@Path("/api/residency/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My record", description = "The caller's own resident record and address history (주민등록 정보)")
public class MyRecordResource {

    @Inject
    JsonWebToken token;

    @Inject
    ResidentRecords records;

    @GET
    @RolesAllowed("citizen")
    @Operation(operationId = "getMyRecord", summary = "My resident record (내 주민등록 정보)",
            description = "Name, address, household and the masked resident registration number of the caller.")
    public ResidentRecord me() {
        return records.recordOf(Callers.residentId(token));
    }

    @GET
    @Path("/address-history")
    @RolesAllowed("citizen")
    @Operation(operationId = "getMyAddressHistory",
            summary = "My address history (내 주소 변동 사항)", description = "Oldest first; the last is the current address.")
    public java.util.List<ResidentRecord.AddressEntry> addressHistory() {
        return records.addressHistoryOf(Callers.residentId(token));
    }
}
