package kr.civilportal.citizen.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The passport service's API (services/passport/README.md), as the pages use it. */
@RegisterRestClient(configKey = "passport")
@Path("/api/passport/v1")
public interface PassportClient {

    @POST
    @Path("/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode apply(@HeaderParam("Authorization") String bearer, @HeaderParam("Idempotency-Key") String idempotencyKey,
                   JsonNode application);

    @GET
    @Path("/applications/mine")
    JsonNode mine(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/applications/{id}")
    JsonNode application(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/fees")
    JsonNode fee(@HeaderParam("Authorization") String bearer, @jakarta.ws.rs.QueryParam("kind") String kind,
            @jakarta.ws.rs.QueryParam("validity") String validity, @jakarta.ws.rs.QueryParam("pages") int pages);

    @GET
    @Path("/applications")
    JsonNode all(@HeaderParam("Authorization") String bearer, @jakarta.ws.rs.QueryParam("status") String status,
            @jakarta.ws.rs.QueryParam("size") int size);

    @POST
    @Path("/applications/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode transition(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, JsonNode transition);

    @PUT
    @Path("/applications/{id}/photo")
    @Consumes("image/jpeg")
    JsonNode uploadPhoto(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, byte[] jpeg);

    @GET
    @Path("/pickup-slots")
    JsonNode pickupSlots(@HeaderParam("Authorization") String bearer);

    /** 교부 예약: books the slot, or moves the booking there; the key makes a resend harmless. */
    @POST
    @Path("/applications/{id}/appointment")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode book(@HeaderParam("Authorization") String bearer, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @PathParam("id") String id, JsonNode booking);

    @GET
    @Path("/applications/{id}/appointment")
    JsonNode appointment(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @DELETE
    @Path("/applications/{id}/appointment")
    void cancelAppointment(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);
}
