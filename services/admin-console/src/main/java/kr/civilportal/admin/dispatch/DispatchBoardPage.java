package kr.civilportal.admin.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
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
import kr.civilportal.admin.AdminAccess;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.PageContext;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The 119 dispatch board (상황판): the newest reports with their steps (acknowledge, assign a unit, close
 * with an outcome). It updates live: the page listens to {@code /admin/dispatch/events}, which relays the
 * emergency service's own event stream with the dispatcher's token, and on "new"/"updated" re-reads the
 * rows; without JavaScript, the page still works by reloading.
 */
@Path("/admin/dispatch")
@Authenticated
public class DispatchBoardPage {

    static final String ROLE = "dispatcher";
    static final String SERVICE = "emergency-report";
    static final List<String> STATUSES = List.of("RECEIVED", "ACKNOWLEDGED", "DISPATCHED", "CLOSED");
    static final List<String> OUTCOMES = List.of("RESOLVED", "TRANSPORTED", "REFERRED", "DUPLICATE", "FALSE_ALARM");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BOARD_SIZE = 30;

    private final Template board;
    private final Template rows;
    private final DispatchClient emergency;
    private final ServiceCalls calls;
    private final AdminAccess access;
    private final PageContext ctx;

    DispatchBoardPage(@Location("admin/dispatch.html") Template board, @Location("admin/dispatch-rows.html") Template rows,
            @RestClient DispatchClient emergency, ServiceCalls calls, AdminAccess access, PageContext ctx) {
        this.board = board;
        this.rows = rows;
        this.emergency = emergency;
        this.calls = calls;
        this.access = access;
        this.ctx = ctx;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("status") String status, @QueryParam("resend") boolean resend) {
        access.require(ROLE);
        FormErrors errors = new FormErrors();
        return render(board, status, errors, 200, resend);
    }

    /**
     * An action's address reached with GET: the web session had ended when the dispatcher pressed the button,
     * and the login took them through Keycloak and back here without the form. Nothing was done: back to the
     * board, saying so.
     */
    @GET
    @Path("{id}/{action: acknowledgement|assignment|closure}")
    @Produces(MediaType.TEXT_HTML)
    public Response afterSessionExpired(@PathParam("id") String id) {
        access.require(ROLE);
        return Response.seeOther(URI.create("/admin/dispatch?resend=true#report-" + id)).build();
    }

    /** The table's rows alone, for the live update. */
    @GET
    @Path("rows")
    @Produces(MediaType.TEXT_HTML)
    public Response rows(@QueryParam("status") String status) {
        access.require(ROLE);
        return render(rows, status, new FormErrors(), 200);
    }

    /** The service's board events, relayed as their names ("new", "updated", "ready", "heartbeat"). */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> events() {
        access.require(ROLE);
        String bearer = calls.bearer();
        return emergency.boardEvents(bearer).map(e -> e.name() == null ? "message" : e.name());
    }

    @POST
    @Path("{id}/acknowledgement")
    @Produces(MediaType.TEXT_HTML)
    public Response acknowledge(@PathParam("id") String id) {
        return act(id, bearer -> emergency.acknowledge(bearer, id));
    }

    @POST
    @Path("{id}/assignment")
    @Produces(MediaType.TEXT_HTML)
    public Response assign(@PathParam("id") String id, @RestForm String unit) {
        if (unit == null || unit.isBlank()) {
            access.require(ROLE);
            FormErrors errors = new FormErrors();
            errors.add("unit-" + id, ctx.text("dispatch_err_unit"));
            return render(board, null, errors, 400);
        }
        ObjectNode body = JSON.createObjectNode().put("unit", unit.trim());
        return act(id, bearer -> emergency.assign(bearer, id, body));
    }

    @POST
    @Path("{id}/closure")
    @Produces(MediaType.TEXT_HTML)
    public Response close(@PathParam("id") String id, @RestForm String outcome) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            access.require(ROLE);
            FormErrors errors = new FormErrors();
            errors.add("outcome-" + id, ctx.text("dispatch_err_outcome"));
            return render(board, null, errors, 400);
        }
        ObjectNode body = JSON.createObjectNode().put("outcome", outcome);
        return act(id, bearer -> emergency.close(bearer, id, body));
    }

    private Response act(String id, java.util.function.Function<String, JsonNode> step) {
        access.require(ROLE);
        FormErrors errors = new FormErrors();
        try {
            String bearer = calls.bearer();
            calls.call(SERVICE, () -> step.apply(bearer));
            return Response.seeOther(URI.create("/admin/dispatch#report-" + id)).build();
        } catch (ServiceRefusedException e) {
            String detail = e.problem().path("detail").asText("");
            errors.addGeneral(detail.isBlank() ? ctx.text("admin_err_refused") + " (" + e.status() + ")" : detail);
            return render(board, null, errors, e.status());
        } catch (ServiceUnavailableException e) {
            return render(board, null, errors, 503);
        }
    }

    private Response render(Template template, String status, FormErrors errors, int httpStatus) {
        return render(template, status, errors, httpStatus, false);
    }

    private Response render(Template template, String status, FormErrors errors, int httpStatus, boolean resend) {
        List<?> items = List.of();
        boolean unavailable = false;
        try {
            String bearer = calls.bearer();
            String filter = status == null || status.isBlank() ? null : status;
            JsonNode page = calls.call(SERVICE, () -> emergency.reports(bearer, BOARD_SIZE, filter));
            items = JSON.convertValue(page.path("items"), List.class);
        } catch (ServiceUnavailableException e) {
            unavailable = true;
        } catch (ServiceRefusedException e) {
            errors.addGeneral(ctx.text("admin_err_refused") + " (" + e.status() + ")");
        }
        return Response.status(unavailable ? 503 : httpStatus).entity(template.data("items", items)
                .data("errors", errors).data("status", status == null ? "" : status).data("outcomes", OUTCOMES).data("statuses", STATUSES)
                .data("unavailable", unavailable).data("resend", resend)).build();
    }

}
