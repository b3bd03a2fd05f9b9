package kr.civilportal.passport.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import kr.civilportal.common.idempotency.IdempotencyOpenApi;

/**
 * The payment provider's webhook (결제 알림). No token: the gateway lets it through, and the HMAC signature over the
 * raw body with the shared secret is the credential. Answered 2xx once applied (or seen before, or naming no payment
 * of passport's), so the provider stops retrying; 401 when the signature does not hold, nothing changed.
 */
@Path("/api/passport/v1/payment-notifications")
@Tag(name = "Payments", description = "Paying an application's fee online (수수료 온라인 결제)")
public class PaymentNotificationResource {

    private static final Logger LOG = Logger.getLogger(PaymentNotificationResource.class);

    public static final ProblemType SIGNATURE_INVALID =
            new ProblemType("payment-signature-invalid", "Invalid payment notification signature", 401);

    /** The widths of passport_payment_notification's columns (the provider's ids are far shorter). */
    private static final int MAX_EVENT_ID = 64;
    private static final int MAX_TYPE = 40;

    private final Clock clock = Clock.systemUTC();
    private final WebhookSignature signature;

    @Inject
    Payments payments;

    @Inject
    ObjectMapper json;

    PaymentNotificationResource(PaymentSettings settings) {
        this.signature = new WebhookSignature(settings.webhookSecret(), settings.signatureTolerance());
    }

    /** The event as the provider sends it; the payment is the provider's state of it after the change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(String eventId, String type, Instant createdAt, ProviderPayment payment) {
    }

    /** What passport did with the event. */
    public record Receipt(String eventId, Payments.Notified outcome) {
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Event.class), examples = @ExampleObject(name = "a payment succeeded",
            value = "{\"eventId\":\"evt_01\",\"type\":\"payment.succeeded\",\"createdAt\":\"2026-05-01T03:00:00Z\","
                    + "\"payment\":{\"paymentId\":\"pay_01\",\"state\":\"SUCCEEDED\",\"amount\":52000,"
                    + "\"currency\":\"KRW\",\"reference\":\"3f1c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f\","
                    + "\"description\":\"여권 발급 수수료\",\"returnUrl\":\"http://localhost:8080/my/petitions/passport/"
                    + "3f1c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f?payment=returned\",\"nextUrl\":\"http://localhost:8087/pay/pay_01\","
                    + "\"createdAt\":\"2026-05-01T02:58:00Z\",\"expiresAt\":\"2026-05-01T03:28:00Z\","
                    + "\"paidAt\":\"2026-05-01T02:59:40Z\",\"approvalNumber\":\"12345678\","
                    + "\"cardSummary\":\"VISA **** 4242\",\"refundedAmount\":0,\"refunds\":[]}}")))
    @Operation(operationId = "receivePaymentNotification", summary = "The payment provider's notification (결제 알림)",
            description = "Called by the payment provider, not by apps: payment.succeeded, payment.cancelled, "
                    + "payment.expired, refund.succeeded. Header Payment-Signature: t=<unix seconds>,v1=<lowercase hex "
                    + "HMAC-SHA256 of \"<t>.\" + the raw body with the shared webhook secret>, t within 5 minutes. "
                    + "Each eventId is applied once; a repeat, or an event about a payment passport does not know, "
                    + "is answered 200 and changes nothing.")
    @APIResponse(responseCode = "200", description = "Applied, seen before, or about no payment of passport's",
            content = @Content(schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "400", description = "Signed, but not an event (malformed JSON or no eventId)")
    @APIResponse(responseCode = "401", description = "urn:civilportal:problem:payment-signature-invalid: the signature "
            + "is missing, wrong or too old; nothing changed")
    // Repeating one is harmless: each eventId is applied once.
    @Extension(name = IdempotencyOpenApi.EXTENSION, value = IdempotencyOpenApi.SAFE)
    public Receipt receive(@Schema(type = SchemaType.OBJECT) byte[] body,
                           @RestHeader(WebhookSignature.HEADER) String signatureHeader) {
        // The raw bytes as received: the signature is over them, not over JSON parsed and written back.
        if (!signature.verify(signatureHeader, body, Instant.now(clock))) {
            LOG.warn("A payment notification with a missing, wrong or stale signature was refused");
            throw new ProblemException(SIGNATURE_INVALID, "The Payment-Signature header is missing, does not match "
                    + "the body, or is older than the tolerance.", "결제 알림의 서명이 올바르지 않습니다.");
        }
        Event event;
        try {
            event = json.readValue(body, Event.class);
        } catch (IOException e) {
            throw ProblemException.invalidField("eventId", "the body is not a payment event", "결제 알림 형식이 올바르지 않습니다.");
        }
        if (event == null || event.eventId() == null || event.eventId().isBlank() || event.eventId().length() > MAX_EVENT_ID
                || event.type() == null || event.type().length() > MAX_TYPE) {
            throw ProblemException.invalidField("eventId", "an event needs an eventId (at most 64 characters) and a type",
                    "결제 알림 형식이 올바르지 않습니다.");
        }
        Payments.Notified outcome = payments.notified(event.eventId(), event.type(), event.payment());
        LOG.infof("Payment notification %s (%s): %s", event.eventId(), event.type(), outcome);
        return new Receipt(event.eventId(), outcome);
    }
}
