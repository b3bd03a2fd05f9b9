package kr.civilportal.citizen.passport;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The passport service's applications (services/passport/README.md) as the citizen's pages use them. */
@RegisterRestClient(configKey = "passport")
@Path("/api/passport/v1")
public interface PassportClient {

    /**
     * What an application asks for, and the office that is to process it (접수 기관); the photo follows on the
     * application once it exists.
     */
    record Request(ApplicationKind kind, Validity validity, int pages, String office) {
    }

    /** A pickup slot as far as the review step cares: which office it is at. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OfficeSlot(String officeId, String officeName) {
    }

    /** The offices that hand passports over, through their slots of the next days. */
    @GET
    @Path("/pickup-slots")
    List<OfficeSlot> pickupSlots();

    @POST
    @Path("/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    PassportApplication apply(@HeaderParam("Idempotency-Key") String idempotencyKey, Request application);

    @GET
    @Path("/applications/mine")
    List<PassportApplication> mine();

    @GET
    @Path("/applications/{id}")
    PassportApplication application(@PathParam("id") UUID id);

    @GET
    @Path("/fees")
    Fee fee(@QueryParam("kind") ApplicationKind kind, @QueryParam("validity") Validity validity,
            @QueryParam("pages") int pages);

    /** The applicant's answer to a supplement request (보완 제출): the application returns to review. */
    @POST
    @Path("/applications/{id}/resubmission")
    PassportApplication resubmit(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id);

    @PUT
    @Path("/applications/{id}/photo")
    @Consumes("image/jpeg")
    Response uploadPhoto(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id, byte[] jpeg);
}
