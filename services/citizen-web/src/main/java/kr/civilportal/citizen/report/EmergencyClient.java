package kr.civilportal.citizen.report;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/**
 * The 119 API through the gateway (services/emergency-report/README.md), no login: a report is delivered to
 * the service or, while no replica takes it, held by the gateway's relay (one store-and-forward path).
 */
@RegisterRestClient(configKey = "emergency")
@Path("/api/emergency/v1")
public interface EmergencyClient {

    @POST
    @Path("/reports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    ReportAnswers.Accepted report(@HeaderParam("Idempotency-Key") String idempotencyKey, ClientMultipartForm form);

    /** A report the gateway's relay holds (the gateway's own path). */
    @GET
    @Path("/relay/{id}")
    ReportAnswers.Held relay(@PathParam("id") String relayId, @QueryParam("token") String relayToken);

    @GET
    @Path("/receipts/{id}")
    ReportAnswers.Receipt receipt(@PathParam("id") String reportId, @HeaderParam("Receipt-Token") String receiptToken);
}
