package kr.civilportal.passport.payment;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import kr.civilportal.passport.application.ApplicationResource;
import kr.civilportal.passport.application.ApplicationView;
import kr.civilportal.passport.application.Caller;
import kr.civilportal.passport.application.PassportApplications;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/** The applicant pays the fee online (수수료 결제): a payment at the provider, and the check on coming back. */
@Path("/api/passport/v1/applications/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments", description = "Paying an application's fee online (수수료 온라인 결제)")
public class PaymentResource {

    private static final int CREATED = 201;

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @Inject
    Payments payments;

    @Inject
    PassportApplications applications;

    @Inject
    IdempotentWrites writes;

    @POST
    @Path("/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ApplicationResource.CITIZEN)
    @Transactional
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "back to the application's page",
            value = "{\"returnUrl\":\"http://localhost:8080/my/petitions/passport/3f1c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f?payment=returned\"}")))
    @Operation(operationId = "createPassportFeePayment", summary = "Pay the fee online (수수료 결제)",
            description = "For an application submitted with payment ONLINE and still AWAITING_PAYMENT: creates the "
                    + "payment of its fee at the payment provider (or answers the open one again) and gives nextUrl, "
                    + "the provider's page to send the browser to. After paying, the provider sends the browser to "
                    + "returnUrl; then call payment-check.")
    @APIResponse(responseCode = "201", description = "The payment to complete at nextUrl",
            content = @Content(schema = @Schema(implementation = Payments.PaymentCreated.class)))
    @APIResponse(responseCode = "400", description = "returnUrl missing or not a page of the portal (field returnUrl)")
    @APIResponse(responseCode = "404", description = "No such application, or not the caller's")
    @APIResponse(responseCode = "409", description = "urn:civilportal:problem:payment-not-due: the application does not "
            + "wait for an online payment (paid at the counter, or paid already)")
    @APIResponse(responseCode = "503", description = "urn:civilportal:problem:payment-provider-unavailable: the provider "
            + "cannot be reached; the application still waits for its payment")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.OPTIONAL)
    public Response pay(@PathParam("id") String id,
                        @NotNull(message = "is required (결제 요청 내용이 없습니다)") PaymentRequest request,
                        @RestHeader(IdempotencyKey.HEADER) String idempotencyKey, @Context UriInfo uri) {
        UUID applicationId = ApplicationResource.parseId(id);
        return writes.once(writes.request(IdempotencyScope.subject(token.getSubject()), idempotencyKey,
                        HttpMethod.POST, uri.getPath(), request),
                () -> writes.json(CREATED, null, payments.create(caller(), applicationId, request.returnUrl())));
    }

    @POST
    @Path("/payment-check")
    @RolesAllowed(ApplicationResource.CITIZEN)
    @Operation(operationId = "checkPassportFeePayment", summary = "Check the fee's payment (결제 확인)",
            description = "Called when the browser comes back from the provider: passport asks the provider how the "
                    + "application's open payments stand and applies it (paid: the application is received), then "
                    + "answers the application. The provider unreachable: the application as it is. Safe to repeat.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such application, or not the caller's")
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public ApplicationView check(@PathParam("id") String id) {
        UUID applicationId = ApplicationResource.parseId(id);
        Caller applicant = caller();
        payments.check(applicant, applicationId);
        return applications.find(applicant, applicationId);
    }

    private Caller caller() {
        return Caller.of(token, identity);
    }
}
