package kr.civilportal.passport.payment;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The payment sandbox's API (docs/fee-payment.md, section 1), {@code quarkus.rest-client.payment-provider.url} =
 * {@code portal.passport.payment.provider-url}. The API key goes in {@code Authorization: Bearer}.
 */
@RegisterRestClient(configKey = "payment-provider")
@Path("/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
public interface SandboxPaymentClient {

    String IDEMPOTENCY_KEY = "Idempotency-Key";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    ProviderPayment create(@HeaderParam("Authorization") String authorization,
                           @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, NewPayment payment);

    @GET
    @Path("/{paymentId}")
    ProviderPayment get(@HeaderParam("Authorization") String authorization, @PathParam("paymentId") String paymentId);

    @POST
    @Path("/{paymentId}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    ProviderRefund refund(@HeaderParam("Authorization") String authorization,
                          @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                          @PathParam("paymentId") String paymentId, RefundRequest refund);

    record RefundRequest(long amount, String reason) {
    }
}
