package kr.civilportal.citizen.passport;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/** The passport service's applications (services/passport/README.md) as the citizen's pages use them. */
@RegisterRestClient(configKey = "passport")
@Path("/api/passport/v1")
public interface PassportClient {

    /**
     * What an application asks for, the office that is to process it (접수 기관) and how its fee is paid
     * (수수료 납부 방법; left out, passport takes it at the office); the photo follows on the application once it
     * exists.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(ApplicationKind kind, Validity validity, int pages, String office, PaymentMethod payment) {
    }

    /** Where the provider sends the citizen's browser back to once they have paid or given up. */
    record PaymentRequest(String returnUrl) {
    }

    /** A payment passport started (or the open one again): the provider's page where the citizen pays. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PaymentStarted(String paymentId, String state, Long amountKrw, String nextUrl) {
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

    /**
     * The applicant's answer to a supplement request (보완 제출) with nothing to say (a new photo may be the whole
     * answer): the application returns to review. 409 when no supplement is asked; another's: 404.
     */
    @POST
    @Path("/applications/{id}/resubmission")
    PassportApplication resubmit(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id);

    /**
     * 보완 제출 with text and documents (docs/supplement-documents.md): part {@code answer} (optional, at most 1000
     * characters) and up to passport's limit of parts {@code documents}. Answers as {@link #resubmit}, plus 400
     * naming {@code answer}, {@code documents} (too many) or {@code documents[i]} (not a PDF, JPEG or PNG by its
     * bytes, too large or empty); nothing is stored on a refusal.
     */
    @POST
    @Path("/applications/{id}/resubmission")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    PassportApplication resubmitWithAnswer(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @PathParam("id") UUID id, ClientMultipartForm form);

    /**
     * A document of one of the applicant's 보완 제출: its bytes with passport's Content-Type and Content-Disposition;
     * another's application or an unknown document: 404.
     */
    @GET
    @Path("/applications/{id}/supplement-documents/{documentId}")
    Response supplementDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId);

    /**
     * Starts paying an application that waits for its fee (결제 대기): passport creates the payment at the provider
     * (or gives the open one again) and answers where the citizen pays. Refused: 409 payment-not-due (not waiting,
     * e.g. paid meanwhile), 400 (the return address); the provider down is passport's 503.
     */
    @POST
    @Path("/applications/{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    PaymentStarted startPayment(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id,
            PaymentRequest payment);

    /**
     * The citizen is back from the provider's page: passport asks the provider how the application's open
     * payments stand (never trusting the redirect), applies it, and answers the application as it now is.
     */
    @POST
    @Path("/applications/{id}/payment-check")
    PassportApplication checkPayment(@PathParam("id") UUID id);

    @PUT
    @Path("/applications/{id}/photo")
    @Consumes("image/jpeg")
    Response uploadPhoto(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") UUID id, byte[] jpeg);
}
