package kr.civilportal.citizen.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/** The 119 emergency-report service's API (services/emergency-report/README.md), as the pages use it. */
@RegisterRestClient(configKey = "emergency")
@Path("/api/emergency/v1")
public interface EmergencyClient {
    @POST
    @Path("/reports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    JsonNode report(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("X-Forwarded-For") String clientAddress, ClientMultipartForm form);

    /** A report the gateway's 119 relay holds while the service is away (the gateway's own path, no login). */
    @GET
    @Path("/relay/{id}")
    JsonNode relay(@PathParam("id") String relayId, @jakarta.ws.rs.QueryParam("token") String relayToken);

    @GET
    @Path("/receipts/{id}")
    JsonNode receipt(@PathParam("id") String reportId, @HeaderParam("Receipt-Token") String receiptToken);
}
