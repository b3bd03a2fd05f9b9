package kr.civilportal.paymentsandbox.refund;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kr.civilportal.paymentsandbox.IdempotencyKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/payments/{paymentId}/refunds")
@Produces(MediaType.APPLICATION_JSON)
public class RefundResource {

    private final Refunds refunds;

    RefundResource(Refunds refunds) {
        this.refunds = refunds;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refund all or part of a paid payment; the same Idempotency-Key answers the same refund. "
            + "409 when the payment is not paid or the amount is more than is left.")
    public Response refund(@PathParam("paymentId") String paymentId,
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, RefundRequest request) {
        String key = IdempotencyKeys.require(idempotencyKey);
        Refunds.Outcome outcome = refunds.refund(paymentId, key, request == null ? new RefundRequest(null, null)
                : request);
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(outcome.refund()).build();
    }
}
