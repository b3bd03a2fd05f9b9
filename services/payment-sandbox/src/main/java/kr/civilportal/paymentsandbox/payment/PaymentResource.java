package kr.civilportal.paymentsandbox.payment;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import kr.civilportal.paymentsandbox.IdempotencyKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The provider's payment API for services ({@code Authorization: Bearer <api-key>}, see ApiKeyFilter). */
@Path("/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private final Payments payments;

    PaymentResource(Payments payments) {
        this.payments = payments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a payment; the citizen pays at its nextUrl. The same Idempotency-Key with the same "
            + "body answers the same payment (200), with another body 422.")
    public Response create(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, PaymentRequest request) {
        String key = IdempotencyKeys.require(idempotencyKey);
        Payments.Creation creation = payments.create(key, request == null ? empty() : request);
        return Response.status(creation.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(creation.payment()).build();
    }

    @GET
    @Path("/{paymentId}")
    @Operation(summary = "A payment's state; a CREATED one past expiresAt reads (and becomes) EXPIRED.")
    public PaymentView get(@PathParam("paymentId") String paymentId) {
        return payments.get(paymentId);
    }

    private static PaymentRequest empty() {
        // No body at all: validation names every field as required.
        return new PaymentRequest((BigDecimal) null, null, null, null, null);
    }
}
