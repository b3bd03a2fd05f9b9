package kr.civilportal.residency.resident;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's own resident record, found through the {@code resident_id} claim of their token. */
@Path("/api/residency/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MyRecordResource {

    /** The token claim Keycloak fills from the user's {@code resident_id} attribute. */
    static final String RESIDENT_CLAIM = "resident_id";

    @Inject
    JsonWebToken token;

    @Inject
    ResidentRecords records;

    @GET
    @RolesAllowed("citizen")
    @Operation(summary = "My resident record (내 주민등록 정보)",
            description = "Name, address, household and the masked resident registration number of the caller.")
    public ResidentRecord me() {
        String claim = token.getClaim(RESIDENT_CLAIM);
        UUID residentId;
        try {
            residentId = claim == null ? null : UUID.fromString(claim);
        } catch (IllegalArgumentException e) {
            residentId = null;
        }
        if (residentId == null) {
            throw ResidentRecords.noRecord();
        }
        return records.recordOf(residentId);
    }
}
