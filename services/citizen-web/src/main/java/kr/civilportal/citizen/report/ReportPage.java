package kr.civilportal.citizen.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.buffer.Buffer;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.citizen.CitizenMessages;
import kr.civilportal.web.api.PortalService;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.PageContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The 119 report form (다매체 신고), no login: category, text, the phone's location (or an address typed by
 * hand when the phone will not share it: either is enough), a call-back number and photos; then the receipt
 * page, which the reporter can reopen by its address (the receipt token is in it). The report goes through the
 * gateway's /api like a phone's: when no replica of the 119 service takes it, the gateway's relay holds it and
 * the page follows the relay's receipt until it is delivered.
 */
@Path("/report-119")
public class ReportPage {

    private static final Logger LOG = Logger.getLogger(ReportPage.class);
    static final PortalService SERVICE = PortalService.EMERGENCY_REPORT;
    /** The service's names for the form's fields. */
    private static final Map<String, String> FIELDS = Map.of("category", "category", "description", "description",
            "latitude", "location", "longitude", "location", "accuracyMeters", "location", "address", "address",
            "reporterPhone", "phone", "located", "location", "*", "photos");

    @CheckedTemplate(basePath = "report", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance form(ReportForm form, FormErrors errors);

        static native TemplateInstance receipt(String reportId, ReportAnswers.Receipt receipt, boolean unavailable);

        static native TemplateInstance held(String relayId, ReportAnswers.Held held);
    }

    private final EmergencyClient emergency;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final FiledReports filed;
    private final SecurityIdentity identity;

    ReportPage(@RestClient EmergencyClient emergency, ServiceCalls calls, PageContext ctx, FiledReports filed,
            SecurityIdentity identity) {
        this.emergency = emergency;
        this.calls = calls;
        this.ctx = ctx;
        this.filed = filed;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        return Templates.form(ReportForm.empty(), new FormErrors());
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@RestForm String category, @RestForm String description, @RestForm String latitude,
            @RestForm String longitude, @RestForm String accuracy, @RestForm String address, @RestForm String phone,
            @RestForm String idempotencyKey, @RestForm("photos") List<FileUpload> photos) {
        CitizenMessages msg = ctx.messages(CitizenMessages.class);
        ReportForm form = ReportForm.of(category, description, latitude, longitude, accuracy, address, phone,
                idempotencyKey);
        FormErrors errors = new FormErrors();
        if (form.category() == null) {
            errors.add("category", msg.r119_err_category());
        }
        if (form.description().isEmpty()) {
            errors.add("description", msg.r119_err_description());
        }
        if (!form.hasCoordinates() && form.address().isEmpty()) {
            errors.add("location", msg.r119_err_location());
        }
        if (errors.any()) {
            return Response.status(400).entity(Templates.form(form, errors)).build();
        }
        return calls.submit(SERVICE, errors, FIELDS, msg.r119_err_failed(), () -> {
            ReportAnswers.Accepted accepted = emergency.report(form.idempotencyKey(), multipart(form, photos));
            rememberForTheSignedIn(form.category(), accepted);
            return URI.create(accepted.held() ? heldPath(accepted.relayId(), accepted.relayToken())
                    : receiptPath(accepted.reportId(), accepted.receiptToken()));
        }, status -> Response.status(status >= 500 ? 503 : 400).entity(Templates.form(form, errors)).build());
    }

    /** A held report's page: held, then (once forwarded) straight on to the service's own receipt. */
    @GET
    @Path("held/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response held(@PathParam("id") UUID id, @QueryParam("token") String token) {
        try {
            ReportAnswers.Held held = calls.call(() -> emergency.relay(id.toString(), token));
            if (held.state() == HeldState.DELIVERED && held.receipt() != null && held.receipt().reportId() != null) {
                return Response.seeOther(URI.create(receiptPath(held.receipt().reportId(),
                        held.receipt().receiptToken()))).build();
            }
            return Response.ok(Templates.held(id.toString(), held)).build();
        } catch (ServiceRefusedException e) {
            return Response.status(404).entity(Templates.held(id.toString(), null)).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(Templates.held(id.toString(), null)).build();
        }
    }

    @GET
    @Path("receipts/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response receipt(@PathParam("id") UUID id, @QueryParam("token") String token) {
        try {
            ReportAnswers.Receipt receipt = calls.call(() -> emergency.receipt(id.toString(), token));
            return Response.ok(Templates.receipt(id.toString(), receipt, false)).build();
        } catch (ServiceRefusedException e) {
            return Response.status(404).entity(Templates.receipt(id.toString(), null, false)).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(Templates.receipt(id.toString(), null, true)).build();
        }
    }

    /**
     * A citizen who is signed in finds the report on 나의 민원 later. The identity is the one the report's own call
     * already resolved (its token went along), so this neither waits on Keycloak nor sends anyone to log in; and it
     * never fails the report, which 119 already has.
     */
    private void rememberForTheSignedIn(ReportCategory category, ReportAnswers.Accepted accepted) {
        try {
            if (!identity.isAnonymous()) {
                filed.remember(ctx.subject(), category, accepted);
            }
        } catch (RuntimeException e) {
            LOG.warnf("A filed 119 report could not be added to the reporter's list (%s)", e.getClass().getSimpleName());
        }
    }

    /** The receipt page (post/redirect/get: a reload of the receipt never resends the report). */
    public static String receiptPath(UUID reportId, String receiptToken) {
        return "/report-119/receipts/" + reportId + "?token=" + URLEncoder.encode(receiptToken, StandardCharsets.UTF_8);
    }

    /** The page of a report the gateway's relay holds. */
    public static String heldPath(UUID relayId, String relayToken) {
        return "/report-119/held/" + relayId + "?token=" + URLEncoder.encode(relayToken, StandardCharsets.UTF_8);
    }

    private static ClientMultipartForm multipart(ReportForm form, List<FileUpload> photos) {
        ClientMultipartForm multipart = ClientMultipartForm.create()
                .entity("report", form.json(), MediaType.APPLICATION_JSON, String.class);
        for (FileUpload photo : photos == null ? List.<FileUpload>of() : photos) {
            if (photo.size() > 0) {
                multipart.binaryFileUpload("attachments", photo.fileName(), Buffer.buffer(read(photo)),
                        photo.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : photo.contentType());
            }
        }
        return multipart;
    }

    private static byte[] read(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
