package kr.civilportal.passport.appointment;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;
import kr.civilportal.common.idempotency.IdempotencyScope;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.common.idempotency.StoredResponse;
import kr.civilportal.passport.application.ApplicationResource;
import kr.civilportal.passport.application.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * A citizen's pickup appointment (교부 예약); the rules are {@link Appointments}'. Its own root path, not a
 * sub-path of a shorter root: the longest matching root resource is chosen, and it must be this one.
 */
@Path("/api/passport/v1/applications/{id}/appointment")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pickup", description = "Pickup slots and the applicant's appointment (교부 예약)")
public class AppointmentResource {

    private static final int NO_CONTENT = 204;

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @Inject
    Appointments appointments;

    @Inject
    IdempotentWrites writes;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApplicationResource.CITIZEN)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "a slot from GET /pickup-slots", value = "{\"slotId\":\"3f8a2c1e-5b7d-4e9a-8c6f-1a2b3c4d5e6f\"}")}))
    @Operation(operationId = "bookPickupAppointment", summary = "Book or move the pickup appointment (교부 예약·변경)",
            description = "For the applicant of a READY_FOR_PICKUP application. Idempotency-Key required: a retry "
                    + "gets the first answer (Idempotent-Replayed: true), the same key for another slot 422, a retry "
                    + "while the first runs 409.")
    @APIResponse(responseCode = "201", description = "Booked", content = @Content(schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "200", description = "Moved to this slot (or already in it)")
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:slot-full, or not ready for pickup")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.REQUIRED)
    public Response book(@PathParam("id") String id,
                         @Valid @NotNull(message = "is required (예약 내용이 없습니다)") BookingRequest request,
                         @Parameter(in = ParameterIn.HEADER, description = "A random UUID per booking; repeat it on retries")
                         @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                         @Context UriInfo uri) {
        return appointments.book(caller(), ApplicationResource.parseId(id), request, idempotencyKey, uri.getPath())
                .toResponse();
    }

    @GET
    @RolesAllowed({ApplicationResource.CITIZEN, ApplicationResource.OFFICER})
    @Operation(operationId = "getPickupAppointment",
            summary = "The pickup appointment (교부 예약 조회)", description = "For the applicant and passport officers.")
    public AppointmentView one(@PathParam("id") String id) {
        return appointments.find(caller(), ApplicationResource.parseId(id));
    }

    @DELETE
    @RolesAllowed(ApplicationResource.CITIZEN)
    @Transactional
    @Operation(operationId = "cancelPickupAppointment", summary = "Cancel the pickup appointment (교부 예약 취소)",
            description = "Frees the place in the slot. With an Idempotency-Key a retry gets the first 204 again "
                    + "instead of a 404 for the appointment already gone.")
    @APIResponse(responseCode = "204", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "No such application of yours, or no appointment")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response cancel(@PathParam("id") String id, @RestHeader(IdempotencyKey.HEADER) String idempotencyKey,
                           @Context UriInfo uri) {
        UUID applicationId = ApplicationResource.parseId(id);
        KeyedRequest keyed = writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey,
                HttpMethod.DELETE, uri.getPath(), null);
        return writes.once(keyed, () -> {
            appointments.cancel(caller(), applicationId);
            return StoredResponse.withoutBody(NO_CONTENT);
        });
    }

    private Caller caller() {
        return Caller.of(token, identity);
    }
}
