package kr.civilportal.citizen.appointment;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The passport service's pickup slots and bookings (services/passport/README.md). */
@RegisterRestClient(configKey = "passport")
@Path("/api/passport/v1")
public interface AppointmentClient {

    record Booking(UUID slotId) {
    }

    @GET
    @Path("/pickup-slots")
    List<PickupSlot> pickupSlots();

    /** 교부 예약: books the slot, or moves the booking there; 409 slot-full when it filled up meanwhile. */
    @POST
    @Path("/applications/{id}/appointment")
    @Consumes(MediaType.APPLICATION_JSON)
    Response book(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID application,
            Booking booking);

    /** The application's booking; 404 when it has none. */
    @GET
    @Path("/applications/{id}/appointment")
    Appointment appointment(@PathParam("id") UUID application);

    @DELETE
    @Path("/applications/{id}/appointment")
    Response cancel(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID application);
}
