package kr.civilportal.citizen.movein;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Residency's requests to join the caller's household (세대 합가 동의 요청), answered by the head. */
@RegisterRestClient(configKey = "residency")
@Path("/api/residency/v1/household/join-requests")
public interface JoinRequestClient {

    @GET
    List<JoinRequest> toMe();

    @POST
    @Path("/{id}/consent")
    Response consent(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id);

    @POST
    @Path("/{id}/refusal")
    Response decline(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id);
}
