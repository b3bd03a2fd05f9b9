package kr.civilportal.admin.passport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
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
import kr.civilportal.admin.AdminAccess;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.PageContext;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The passport officer's queue (여권 심사): applications filtered by status and by identity-check state (본인
 * 확인), a page at a time; one application with its history; and the workflow's steps (review, approve, reject
 * with a reason, request a supplement with a deadline, printing, ready for pickup, issued). The passport
 * service decides which step is allowed.
 */
@Path("/admin/passports")
@Authenticated
public class PassportQueuePage {

    static final String ROLE = "passport-officer";
    static final List<String> STATUSES = List.of("SUBMITTED", "UNDER_REVIEW", "SUPPLEMENT_REQUESTED", "APPROVED",
            "PRINTING", "READY_FOR_PICKUP", "ISSUED", "REJECTED");
    /** The service's identity-check states (IdentityCheck); "" in the filter means any. */
    static final List<String> IDENTITY_CHECKS = List.of("PENDING", "VERIFIED", "NEEDS_OFFICER",
            "CONFIRMED_BY_OFFICER", "REFUTED_BY_OFFICER");
    static final List<String> STEPS = List.of("UNDER_REVIEW", "APPROVED", "REJECTED", "SUPPLEMENT_REQUESTED",
            "PRINTING", "READY_FOR_PICKUP", "ISSUED");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Template queue;
    private final Template detail;
    private final PassportOfficeClient passport;
    private final ServiceCalls calls;
    private final AdminAccess access;
    private final PageContext ctx;
    private final int pageSize;

    PassportQueuePage(@Location("admin/passports.html") Template queue,
            @Location("admin/passport.html") Template detail, @RestClient PassportOfficeClient passport,
            ServiceCalls calls, AdminAccess access, PageContext ctx,
            @ConfigProperty(name = "portal.web.admin.passport.page-size") int pageSize) {
        this.queue = queue;
        this.detail = detail;
        this.passport = passport;
        this.calls = calls;
        this.access = access;
        this.ctx = ctx;
        this.pageSize = pageSize;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("status") String status, @QueryParam("identityCheck") String identityCheck,
            @QueryParam("page") int page) {
        access.require(ROLE);
        // List.of(...).contains(null) throws: a parameter left out is null.
        String filter = status != null && STATUSES.contains(status) ? status : "SUBMITTED";
        String identity = identityCheck != null && IDENTITY_CHECKS.contains(identityCheck) ? identityCheck : "";
        int pageNumber = Math.max(page, 0);
        TemplateInstance view = queue.data("status", filter).data("statuses", STATUSES).data("identityCheck", identity)
                .data("identityChecks", IDENTITY_CHECKS);
        try {
            String bearer = calls.bearer();
            JsonNode found = calls.call("passport", () -> passport.list(bearer, filter,
                    identity.isEmpty() ? null : identity, pageNumber, pageSize));
            long total = found.path("total").asLong();
            int shown = found.path("page").asInt();
            long pages = (total + pageSize - 1) / pageSize;
            return Response.ok(view.data("items", JSON.convertValue(found.path("items"), List.class))
                    .data("total", total).data("pageShown", shown + 1).data("pages", pages)
                    .data("previousUrl", shown > 0 ? listUrl(filter, identity, shown - 1) : null)
                    .data("nextUrl", shown + 1 < pages ? listUrl(filter, identity, shown + 1) : null)
                    .data("unavailable", false)).build();
        } catch (ServiceUnavailableException | ServiceRefusedException e) {
            return Response.status(503).entity(view.data("items", List.of()).data("total", 0).data("pageShown", 1)
                    .data("pages", 0).data("previousUrl", null).data("nextUrl", null).data("unavailable", true)).build();
        }
    }

    private static String listUrl(String status, String identityCheck, int page) {
        return "/admin/passports?status=" + status + (identityCheck.isEmpty() ? "" : "&identityCheck=" + identityCheck)
                + "&page=" + page;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("id") String id, @QueryParam("moved") boolean moved,
            @QueryParam("resend") boolean resend) {
        access.require(ROLE);
        return render(id, new FormErrors(), "", "", "", moved, resend, 200);
    }

    @POST
    @Path("{id}/transitions")
    @Produces(MediaType.TEXT_HTML)
    public Response move(@PathParam("id") String id, @RestForm String to, @RestForm String reason,
            @RestForm String supplementDeadline) {
        access.require(ROLE);
        FormErrors errors = new FormErrors();
        String why = reason == null ? "" : reason.trim();
        String step = to == null ? "" : to;
        String deadline = supplementDeadline == null ? "" : supplementDeadline.trim();
        if (!STEPS.contains(step)) {
            errors.add("to", ctx.text("pp_err_step"));
        }
        if (("REJECTED".equals(step) || "SUPPLEMENT_REQUESTED".equals(step)) && why.isEmpty()) {
            errors.add("reason", ctx.text("pp_err_reason"));
        }
        if ("SUPPLEMENT_REQUESTED".equals(step) && deadline.isEmpty()) {
            errors.add("supplementDeadline", ctx.text("pp_err_deadline"));
        }
        if (errors.any()) {
            return render(id, errors, step, why, deadline, false, false, 400);
        }
        ObjectNode body = JSON.createObjectNode().put("to", step);
        if (!why.isEmpty()) {
            body.put("reason", why);
        }
        if ("SUPPLEMENT_REQUESTED".equals(step)) {
            body.put("supplementDeadline", deadline);
        }
        try {
            String bearer = calls.bearer();
            calls.call("passport", () -> passport.transition(bearer, id, body));
            return Response.seeOther(URI.create("/admin/passports/" + id + "?moved=true")).build();
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), Map.of("to", "to", "reason", "reason", "supplementDeadline",
                    "supplementDeadline", "*", "to"), ctx.english(), ctx.text("admin_err_refused"));
            return render(id, errors, step, why, deadline, false, false, e.status());
        } catch (ServiceUnavailableException e) {
            return render(id, errors, step, why, deadline, false, false, 503);
        }
    }

    /**
     * The step's address reached with GET: the web session had ended when the form was sent, and the login took
     * the officer through Keycloak and back here without the form. Back to the application, saying so.
     */
    @GET
    @Path("{id}/transitions")
    @Produces(MediaType.TEXT_HTML)
    public Response afterSessionExpired(@PathParam("id") String id) {
        access.require(ROLE);
        return Response.seeOther(URI.create("/admin/passports/" + id + "?resend=true")).build();
    }

    private Response render(String id, FormErrors errors, String to, String reason, String deadline, boolean moved,
            boolean resend, int status) {
        // What the officer chose and typed stays in the form when it comes back with errors.
        TemplateInstance view = detail.data("errors", errors).data("steps", STEPS).data("to", to)
                .data("reason", reason).data("supplementDeadline", deadline).data("moved", moved)
                .data("resend", resend);
        try {
            String bearer = calls.bearer();
            JsonNode application = calls.call("passport", () -> passport.application(bearer, id));
            return Response.status(status).entity(view.data("application", JSON.convertValue(application, Map.class))
                    .data("unavailable", false)).build();
        } catch (ServiceRefusedException e) {
            return Response.status(404).entity(view.data("application", null).data("unavailable", false)).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(view.data("application", null).data("unavailable", true)).build();
        }
    }
}
