package kr.civilportal.passport.appointment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import kr.civilportal.passport.application.ApplicationResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The pickup slots on offer (교부 예약 가능 시간). */
@Path("/api/passport/v1/pickup-slots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pickup", description = "Pickup slots and the applicant's appointment (교부 예약)")
public class PickupSlotResource {

    @Inject
    Appointments appointments;

    @GET
    @RolesAllowed({ApplicationResource.CITIZEN, ApplicationResource.OFFICER})
    @Operation(operationId = "listPickupSlots",
            summary = "Pickup slots of the next 14 days (교부 예약 가능 시간)", description = "Optionally of one office.")
    public List<SlotView> slots(@QueryParam("office") String office) {
        return appointments.upcoming(office == null || office.isBlank() ? null : office.strip());
    }

}
