package kr.civilportal.citizen.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
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
import java.util.Optional;
import java.util.UUID;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.PageContext;
import kr.civilportal.citizen.api.EmergencyClient;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The 119 report form (다매체 신고), no login: category, text, the phone's location (or an address typed by
 * hand when the phone will not share it: either is enough), a call-back number and photos; then the receipt page, which the reporter can reopen by its address
 * (the receipt token is in it, as the service's receipts need).
 */
@Path("/report-119")
public class ReportPage {

    static final String SERVICE = "emergency-report";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The service's names for the form's fields. */
    private static final Map<String, String> FIELDS = Map.of("category", "category", "description", "description",
            "latitude", "location", "longitude", "location", "accuracyMeters", "location", "address", "address",
            "reporterPhone", "phone", "located", "location", "*", "photos");

    private final Template form;
    private final Template receipt;
    private final Template heldPage;
    private final EmergencyClient emergency;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final HttpServerRequest request;

    ReportPage(@Location("report/form.html") Template form, @Location("report/receipt.html") Template receipt,
            @Location("report/held.html") Template heldPage, @RestClient EmergencyClient emergency, ServiceCalls calls, PageContext ctx, HttpServerRequest request) {
        this.form = form;
        this.receipt = receipt;
        this.heldPage = heldPage;
        this.emergency = emergency;
        this.calls = calls;
        this.ctx = ctx;
        this.request = request;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        return page(new ReportForm(), new FormErrors(), false);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@RestForm String category, @RestForm String description, @RestForm String latitude,
            @RestForm String longitude, @RestForm String accuracy, @RestForm String address, @RestForm String phone,
            @RestForm String idempotencyKey, @RestForm("photos") List<FileUpload> photos) {
        ReportForm input = new ReportForm();
        input.category = trim(category);
        input.description = trim(description);
        input.latitude = trim(latitude);
        input.longitude = trim(longitude);
        input.accuracy = trim(accuracy);
        input.address = trim(address);
        input.phone = trim(phone);
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            input.idempotencyKey = idempotencyKey.trim();
        }
        FormErrors errors = new FormErrors();
        if (input.category == null || !ReportForm.CATEGORIES.contains(input.category)) {
            errors.add("category", ctx.text("r119_err_category"));
        }
        if (input.description.isEmpty()) {
            errors.add("description", ctx.text("r119_err_description"));
        }
        if (!input.hasCoordinates() && input.address.isEmpty()) {
            errors.add("location", ctx.text("r119_err_location"));
        }
        if (errors.any()) {
            return Response.status(400).entity(page(input, errors, false)).build();
        }
        try {
            // Through the gateway's /api, like a phone: when no replica of the 119 service takes the report, the
            // gateway's relay holds it durably and answers 202 with a relay receipt (one store-and-forward path).
            JsonNode accepted = calls.call(SERVICE, () -> emergency.report(input.idempotencyKey,
                    request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                    multipart(input, photos)));
            if (accepted.hasNonNull("relayId")) {
                return Response.seeOther(URI.create("/report-119/held/" + accepted.path("relayId").asText()
                        + "?token=" + URLEncoder.encode(accepted.path("relayToken").asText(), StandardCharsets.UTF_8)))
                        .build();
            }
            return seeReceipt(accepted);
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), FIELDS, ctx.english(), ctx.text("r119_err_failed"));
            return Response.status(e.status() >= 500 ? 503 : 400).entity(page(input, errors, false)).build();
        } catch (ServiceUnavailableException e) {
            // Neither delivered nor held (the gateway itself could not be reached): call 119.
            return Response.status(503).entity(page(input, new FormErrors(), true)).build();
        }
    }

    /** Post/redirect/get: a reload of the receipt never resends the report. */
    private static Response seeReceipt(JsonNode receipt) {
        return Response.seeOther(URI.create("/report-119/receipts/" + receipt.path("reportId").asText() + "?token="
                + URLEncoder.encode(receipt.path("receiptToken").asText(), StandardCharsets.UTF_8))).build();
    }

    /** A held report's page: held, then (once forwarded) straight on to the service's own receipt. */
    @GET
    @Path("held/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response held(@PathParam("id") String id, @QueryParam("token") String token) {
        if (!isUuid(id)) {
            return Response.status(404).entity(heldPage.data("held", null).data("relayId", id)).build();
        }
        try {
            JsonNode held = calls.call(SERVICE, () -> emergency.relay(id, token));
            JsonNode receipt = held.path("service").path("receipt");
            if ("DELIVERED".equals(held.path("state").asText()) && receipt.hasNonNull("reportId")) {
                return seeReceipt(receipt);
            }
            return Response.ok(heldPage.data("held", new HeldReport(held.path("state").asText(),
                    held.path("receivedAt").asText())).data("relayId", id)).build();
        } catch (ServiceRefusedException e) {
            return Response.status(404).entity(heldPage.data("held", null).data("relayId", id)).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(heldPage.data("held", null).data("relayId", id)).build();
        }
    }

    /** A report the gateway's relay holds for the 119 service, as its reporter sees it (HELD, DELIVERED, FAILED). */
    public record HeldReport(String state, String receivedAt) {
    }

    private static boolean isUuid(String id) {
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @GET
    @Path("receipts/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response receipt(@PathParam("id") String id, @QueryParam("token") String token) {
        try {
            JsonNode status = calls.call(SERVICE, () -> emergency.receipt(id, token));
            return Response.ok(receipt.data("reportId", id).data("receipt", JSON.convertValue(status, Map.class)).data("found", true)
                    .data("unavailable", false)).build();
        } catch (ServiceRefusedException e) {
            return Response.status(404).entity(receipt.data("reportId", id).data("receipt", Map.of())
                    .data("found", false).data("unavailable", false)).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(receipt.data("reportId", id).data("receipt", Map.of())
                    .data("found", false).data("unavailable", true)).build();
        }
    }

    private TemplateInstance page(ReportForm input, FormErrors errors, boolean unavailable) {
        return form.data("form", input).data("errors", errors).data("unavailable", unavailable);
    }

    private static ClientMultipartForm multipart(ReportForm input, List<FileUpload> photos) {
        ClientMultipartForm form = ClientMultipartForm.create()
                .entity("report", reportJson(input), MediaType.APPLICATION_JSON, String.class);
        for (FileUpload photo : photos == null ? List.<FileUpload>of() : photos) {
            if (photo.size() > 0) {
                form.binaryFileUpload("attachments", photo.fileName(), Buffer.buffer(read(photo)),
                        photo.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : photo.contentType());
            }
        }
        return form;
    }

    private static String reportJson(ReportForm input) {
        ObjectNode report = JSON.createObjectNode();
        report.put("category", input.category);
        report.put("description", input.description);
        putNumber(report, "latitude", input.latitude);
        putNumber(report, "longitude", input.longitude);
        putNumber(report, "accuracyMeters", input.accuracy);
        if (!input.address.isEmpty()) {
            report.put("address", input.address);
        }
        if (!input.phone.isEmpty()) {
            report.put("reporterPhone", input.phone);
        }
        return report.toString();
    }

    /** A number as the device gave it; anything else goes as text, for the service's field error. */
    private static void putNumber(ObjectNode node, String name, String value) {
        if (value.isEmpty()) {
            return;
        }
        try {
            node.put(name, Double.parseDouble(value));
        } catch (NumberFormatException e) {
            node.put(name, value);
        }
    }

    private static byte[] read(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
