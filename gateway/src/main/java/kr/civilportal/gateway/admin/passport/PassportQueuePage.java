package kr.civilportal.gateway.admin.passport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import kr.civilportal.gateway.admin.AdminAccess;
import kr.civilportal.gateway.web.FormErrors;
import kr.civilportal.gateway.web.PageContext;
import kr.civilportal.gateway.web.services.PassportClient;
import kr.civilportal.gateway.web.services.ServiceCalls;
import kr.civilportal.gateway.web.services.ServiceRefusedException;
import kr.civilportal.gateway.web.services.ServiceUnavailableException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The passport officer's queue (여권 심사): applications by status, one application with its history and
 * photo, and the workflow's steps (review, approve, reject with a reason, request a supplement with a
 * deadline, printing, ready for pickup, issued); the passport service decides which step is allowed.
 */
@Path("/admin/passports")
@Authenticated
public class PassportQueuePage {

    static final String ROLE = "passport-officer";
    static final List<String> STATUSES = List.of("SUBMITTED", "UNDER_REVIEW", "SUPPLEMENT_REQUESTED", "APPROVED",
            "PRINTING", "READY_FOR_PICKUP", "ISSUED", "REJECTED");
    static final List<String> STEPS = List.of("UNDER_REVIEW", "APPROVED", "REJECTED", "SUPPLEMENT_REQUESTED",
            "PRINTING", "READY_FOR_PICKUP", "ISSUED");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUEUE_SIZE = 50;

    private final Template queue;
    private final Template detail;
    private final PassportClient passport;
    private final ServiceCalls calls;
    private final AdminAccess access;
    private final PageContext ctx;

    PassportQueuePage(@Location("admin/passports.html") Template queue,
            @Location("admin/passport.html") Template detail, @RestClient PassportClient passport, ServiceCalls calls,
            AdminAccess access, PageContext ctx) {
        this.queue = queue;
        this.detail = detail;
        this.passport = passport;
        this.calls = calls;
        this.access = access;
        this.ctx = ctx;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("status") String status) {
        access.require(ROLE);
        String filter = STATUSES.contains(status) ? status : "SUBMITTED";
        try {
            String bearer = calls.bearer();
            JsonNode page = calls.call("passport", () -> passport.all(bearer, filter, QUEUE_SIZE));
            return Response.ok(queue.data("items", JSON.convertValue(page.path("items"), List.class))
                    .data("total", page.path("total").asLong()).data("status", filter).data("statuses", STATUSES)
                    .data("unavailable", false)).build();
        } catch (ServiceUnavailableException | ServiceRefusedException e) {
            return Response.status(503).entity(queue.data("items", List.of()).data("total", 0).data("status", filter)
                    .data("statuses", STATUSES).data("unavailable", true)).build();
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("id") String id) {
        access.require(ROLE);
        return render(id, new FormErrors(), 200);
    }

    @POST
    @Path("{id}/transitions")
    @Produces(MediaType.TEXT_HTML)
    public Response move(@PathParam("id") String id, @RestForm String to, @RestForm String reason,
            @RestForm String supplementDeadline) {
        access.require(ROLE);
        FormErrors errors = new FormErrors();
        String why = reason == null ? "" : reason.trim();
        if (!STEPS.contains(to)) {
            errors.add("to", ctx.text("pp_err_step"));
        }
        if (("REJECTED".equals(to) || "SUPPLEMENT_REQUESTED".equals(to)) && why.isEmpty()) {
            errors.add("reason", ctx.text("pp_err_reason"));
        }
        if ("SUPPLEMENT_REQUESTED".equals(to) && (supplementDeadline == null || supplementDeadline.isBlank())) {
            errors.add("supplementDeadline", ctx.text("pp_err_deadline"));
        }
        if (errors.any()) {
            return render(id, errors, 400);
        }
        ObjectNode body = JSON.createObjectNode().put("to", to);
        if (!why.isEmpty()) {
            body.put("reason", why);
        }
        if ("SUPPLEMENT_REQUESTED".equals(to)) {
            body.put("supplementDeadline", supplementDeadline);
        }
        try {
            String bearer = calls.bearer();
            calls.call("passport", () -> passport.transition(bearer, id, body));
            return Response.seeOther(URI.create("/admin/passports/" + id + "?moved=true")).build();
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), Map.of("to", "to", "reason", "reason", "supplementDeadline",
                    "supplementDeadline", "*", "to"), ctx.english(), ctx.text("admin_err_refused"));
            return render(id, errors, e.status());
        } catch (ServiceUnavailableException e) {
            return render(id, errors, 503);
        }
    }

    private Response render(String id, FormErrors errors, int status) {
        try {
            String bearer = calls.bearer();
            JsonNode application = calls.call("passport", () -> passport.application(bearer, id));
            return Response.status(status).entity(detail.data("application", JSON.convertValue(application, Map.class))
                    .data("errors", errors).data("steps", STEPS).data("unavailable", false)).build();
        } catch (ServiceRefusedException e) {
            return Response.status(404).entity(detail.data("application", null).data("errors", errors)
                    .data("steps", STEPS).data("unavailable", false)).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(detail.data("application", null).data("errors", errors)
                    .data("steps", STEPS).data("unavailable", true)).build();
        }
    }
}
