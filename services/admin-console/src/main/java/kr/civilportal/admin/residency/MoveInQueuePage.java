package kr.civilportal.admin.residency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import kr.civilportal.admin.AdminAccess;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.PageContext;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The residency officer's move-in queue (전입신고 처리): pending reports oldest first, filtered by mode or
 * name; approve, or reject with a reason. Reading a resident's record asks for the reason first, which the
 * residency service writes to the access log (열람 사유) with the read.
 */
@Path("/admin")
@Authenticated
public class MoveInQueuePage {

    static final String ROLE = "residency-officer";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Template queue;
    private final Template resident;
    private final ResidencyOfficeClient residency;
    private final ServiceCalls calls;
    private final AdminAccess access;
    private final PageContext ctx;

    MoveInQueuePage(@Location("admin/move-ins.html") Template queue, @Location("admin/resident.html") Template resident,
            @RestClient ResidencyOfficeClient residency, ServiceCalls calls, AdminAccess access, PageContext ctx) {
        this.queue = queue;
        this.resident = resident;
        this.residency = residency;
        this.calls = calls;
        this.access = access;
        this.ctx = ctx;
    }

    @GET
    @Path("move-ins")
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("mode") String mode, @QueryParam("q") String query,
            @QueryParam("done") String done, @QueryParam("resend") boolean resend) {
        access.require(ROLE);
        return render(mode, query, done, new FormErrors(), null, 200).resend(resend).response();
    }

    /**
     * An action's address reached with GET: the web session had ended when the officer pressed approve or
     * reject, and the login took them through Keycloak and back here without the form. Nothing was done: back
     * to the queue, saying so.
     */
    @GET
    @Path("move-ins/{id}/{action: approval|rejection}")
    @Produces(MediaType.TEXT_HTML)
    public Response afterSessionExpired(@PathParam("id") String id) {
        access.require(ROLE);
        return Response.seeOther(URI.create("/admin/move-ins?resend=true#movein-" + id)).build();
    }

    @POST
    @Path("move-ins/{id}/approval")
    @Produces(MediaType.TEXT_HTML)
    public Response approve(@PathParam("id") String id) {
        access.require(ROLE);
        FormErrors errors = new FormErrors();
        try {
            String bearer = calls.bearer();
            calls.call("residency", () -> residency.approveMoveIn(bearer, id));
            return Response.seeOther(URI.create("/admin/move-ins?done=approved")).build();
        } catch (ServiceRefusedException e) {
            errors.addGeneral(problemText(e));
            return render(null, null, null, errors, null, e.status()).response();
        } catch (ServiceUnavailableException e) {
            return render(null, null, null, errors, null, 503).response();
        }
    }

    @POST
    @Path("move-ins/{id}/rejection")
    @Produces(MediaType.TEXT_HTML)
    public Response reject(@PathParam("id") String id, @RestForm String reason) {
        access.require(ROLE);
        FormErrors errors = new FormErrors();
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            errors.add("reason-" + id, ctx.text("admin_err_reason"));
            return render(null, null, null, errors, id, 400).response();
        }
        try {
            String bearer = calls.bearer();
            calls.call("residency", () -> residency.rejectMoveIn(bearer, id, JSON.createObjectNode().put("reason", why)));
            return Response.seeOther(URI.create("/admin/move-ins?done=rejected")).build();
        } catch (ServiceRefusedException e) {
            errors.addGeneral(problemText(e));
            return render(null, null, null, errors, id, e.status()).reason(why).response();
        } catch (ServiceUnavailableException e) {
            return render(null, null, null, errors, id, 503).reason(why).response();
        }
    }

    /** A resident's record: without a reason, the prompt; with one, the (logged) read. */
    @GET
    @Path("residents/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response readResident(@PathParam("id") String id, @QueryParam("reason") String reason,
            @QueryParam("asked") boolean asked) {
        access.require(ROLE);
        FormErrors errors = new FormErrors();
        String why = reason == null ? "" : reason.trim();
        // "asked": the prompt was sent (an empty field may arrive as no parameter at all).
        if (asked && why.isEmpty()) {
            errors.add("reason", ctx.text("admin_err_access_reason"));
        }
        if (why.isEmpty()) {
            return Response.status(errors.any() ? 400 : 200).entity(resident.data("id", id).data("reason", why)
                    .data("errors", errors).data("record", null).data("unavailable", false)).build();
        }
        try {
            String bearer = calls.bearer();
            JsonNode record = calls.call("residency", () -> residency.readResident(bearer, id, why));
            return Response.ok(resident.data("id", id).data("reason", why).data("errors", errors)
                    .data("record", JSON.convertValue(record.path("record"), Map.class)).data("unavailable", false)).build();
        } catch (ServiceRefusedException e) {
            errors.add("reason", problemText(e));
            return Response.status(e.status()).entity(resident.data("id", id).data("reason", why)
                    .data("errors", errors).data("record", null).data("unavailable", false)).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(resident.data("id", id).data("reason", why)
                    .data("errors", errors).data("record", null).data("unavailable", true)).build();
        }
    }

    /** The queue page about to be answered; what the officer typed and the session notice are added to it. */
    private record QueuePage(io.quarkus.qute.TemplateInstance view, int status) {
        QueuePage reason(String typed) {
            view.data("reasonTyped", typed);
            return this;
        }

        QueuePage resend(boolean resend) {
            view.data("resend", resend);
            return this;
        }

        Response response() {
            return Response.status(status).entity(view).build();
        }
    }

    private QueuePage render(String mode, String query, String done, FormErrors errors, String rejecting, int status) {
        List<Map<?, ?>> items = List.of();
        boolean unavailable = false;
        try {
            String bearer = calls.bearer();
            JsonNode pending = calls.call("residency", () -> residency.pendingMoveIns(bearer));
            String q = query == null ? "" : query.trim();
            items = java.util.stream.StreamSupport.stream(pending.spliterator(), false)
                    .filter(m -> mode == null || mode.isBlank() || mode.equals(m.path("mode").asText()))
                    .filter(m -> q.isEmpty() || m.path("residentName").asText().contains(q)
                            || m.path("address").asText().contains(q))
                    .<Map<?, ?>>map(m -> JSON.convertValue(m, Map.class))
                    .toList();
        } catch (ServiceUnavailableException e) {
            unavailable = true;
        } catch (ServiceRefusedException e) {
            errors.addGeneral(problemText(e));
        }
        return new QueuePage(queue.data("items", items).data("errors", errors)
                .data("mode", mode == null ? "" : mode).data("q", query == null ? "" : query)
                .data("done", done).data("rejecting", rejecting).data("unavailable", unavailable)
                .data("reasonTyped", "").data("resend", false), unavailable ? 503 : status);
    }

    private String problemText(ServiceRefusedException e) {
        String detail = e.problem().path("detail").asText("");
        return detail.isBlank() ? ctx.text("admin_err_refused") + " (" + e.status() + ")" : detail;
    }
}
