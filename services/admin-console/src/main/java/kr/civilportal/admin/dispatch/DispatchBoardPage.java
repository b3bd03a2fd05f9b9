package kr.civilportal.admin.dispatch;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import kr.civilportal.admin.AdminConsoleSettings;
import kr.civilportal.admin.AdminMessages;
import kr.civilportal.admin.Roles;
import kr.civilportal.web.api.PortalService;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.FormFields;
import kr.civilportal.web.page.PageContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The 119 dispatch board (상황판): the newest reports with their steps (acknowledge, assign a unit, close
 * with an outcome), and each report's own page with its history and the dispatchers' notes (메모). It updates live: the page listens to {@code /admin/dispatch/events}, which relays the
 * emergency service's own event stream with the dispatcher's token, and on "new"/"updated" re-reads the
 * rows; without JavaScript, the page still works by reloading.
 */
@Path("/admin/dispatch")
@RolesAllowed(Roles.DISPATCH)
public class DispatchBoardPage {

    static final PortalService SERVICE = PortalService.EMERGENCY_REPORT;

    /** What the board and its rows show. */
    public record Board(List<Report> items, Report.Status status, String key) {
        public List<Report.Status> statuses() {
            return Arrays.asList(Report.Status.values());
        }

        public List<Report.Outcome> outcomes() {
            return Arrays.asList(Report.Outcome.values());
        }

        /** Each form of each row its own key (one page's keys share a prefix); a reload gives new ones. */
        public String keyFor(Report report, String action) {
            return key + "." + report.reportId() + "." + action;
        }

        public String statusName() {
            return status == null ? "" : status.name();
        }
    }

    /** One report's page: the report, its history with the notes, and the note form as typed. */
    public record ReportPage(Report report, List<Report.Event> history, String note, String key, boolean noted) {
    }

    @CheckedTemplate(basePath = "admin", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance dispatch(Board board, FormErrors errors);

        static native TemplateInstance dispatchRows(Board board, FormErrors errors);

        static native TemplateInstance dispatchReport(UUID id, ReportPage page, FormErrors errors);
    }

    private final DispatchClient emergency;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final SecurityIdentity identity;
    private final int boardSize;
    private final int noteMax;

    DispatchBoardPage(@RestClient DispatchClient emergency, ServiceCalls calls, PageContext ctx,
            SecurityIdentity identity, AdminConsoleSettings settings) {
        this.emergency = emergency;
        this.calls = calls;
        this.ctx = ctx;
        this.identity = identity;
        this.boardSize = settings.dispatch().boardSize();
        this.noteMax = settings.dispatch().noteMaxLength();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("status") String status) {
        return render(false, FormFields.choice(Report.Status.class, status), new FormErrors(), 200);
    }

    /** The table's rows alone, for the live update. */
    @GET
    @Path("rows")
    @Produces(MediaType.TEXT_HTML)
    public Response rows(@QueryParam("status") String status) {
        return render(true, FormFields.choice(Report.Status.class, status), new FormErrors(), 200);
    }

    /** The service's board events, relayed as their names ("new", "updated", "ready", "heartbeat"). */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> events() {
        String bearer = "Bearer " + identity.getCredential(AccessTokenCredential.class).getToken();
        return emergency.boardEvents(bearer).map(e -> e.name() == null ? "message" : e.name());
    }

    /** One report with its history (처리 이력) and the dispatchers' notes (메모), and a form for another note. */
    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response report(@PathParam("id") UUID id, @QueryParam("noted") boolean noted) {
        return renderReport(id, "", UUID.randomUUID().toString(), noted, new FormErrors(), 200);
    }

    @POST
    @Path("{id}/notes")
    @Produces(MediaType.TEXT_HTML)
    public Response note(@PathParam("id") UUID id, @RestForm String text, @RestForm String idempotencyKey) {
        String typed = FormFields.trimmed(text);
        String key = FormFields.orNew(idempotencyKey);
        FormErrors errors = new FormErrors();
        if (typed.isEmpty()) {
            errors.add("text", msg().dispatch_err_note());
        } else if (typed.length() > noteMax) {
            errors.add("text", msg().dispatch_err_note_long());
        }
        if (errors.any()) {
            return renderReport(id, typed, key, false, errors, 400);
        }
        return calls.submit(SERVICE, errors, Map.of("text", "text", "*", "text"), msg().admin_err_refused(), () -> {
            emergency.note(key, id.toString(), new DispatchClient.Note(typed)).close();
            return URI.create("/admin/dispatch/" + id + "?noted=true");
        }, status -> renderReport(id, typed, key, false, errors, status));
    }

    @POST
    @Path("{id}/acknowledgement")
    @Produces(MediaType.TEXT_HTML)
    public Response acknowledge(@PathParam("id") UUID id, @RestForm String idempotencyKey) {
        return act(id, key -> emergency.acknowledge(key, id.toString()), idempotencyKey, new FormErrors());
    }

    @POST
    @Path("{id}/assignment")
    @Produces(MediaType.TEXT_HTML)
    public Response assign(@PathParam("id") UUID id, @RestForm String unit, @RestForm String idempotencyKey) {
        FormErrors errors = new FormErrors();
        if (FormFields.trimmed(unit).isEmpty()) {
            errors.add("unit-" + id, msg().dispatch_err_unit());
            return render(false, null, errors, 400);
        }
        return act(id, key -> emergency.assign(key, id.toString(), new DispatchClient.Assignment(unit.trim())),
                idempotencyKey, errors);
    }

    @POST
    @Path("{id}/closure")
    @Produces(MediaType.TEXT_HTML)
    public Response close(@PathParam("id") UUID id, @RestForm String outcome, @RestForm String idempotencyKey) {
        Report.Outcome chosen = FormFields.choice(Report.Outcome.class, outcome);
        FormErrors errors = new FormErrors();
        if (chosen == null) {
            errors.add("outcome-" + id, msg().dispatch_err_outcome());
            return render(false, null, errors, 400);
        }
        return act(id, key -> emergency.close(key, id.toString(), new DispatchClient.Closure(chosen)), idempotencyKey,
                errors);
    }

    private Response act(UUID id, Function<String, Response> step, String idempotencyKey, FormErrors errors) {
        String key = FormFields.orNew(idempotencyKey);
        return calls.submit(SERVICE, errors, Map.of(), msg().admin_err_refused(), () -> {
            step.apply(key).close();
            return URI.create("/admin/dispatch#report-" + id);
        }, status -> render(false, null, errors, status));
    }

    private Response render(boolean rowsOnly, Report.Status status, FormErrors errors, int httpStatus) {
        List<Report> items = List.of();
        try {
            items = calls.call(() -> emergency.reports(boardSize, status)).items();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(SERVICE);
        } catch (ServiceRefusedException e) {
            errors.addGeneral(msg().admin_err_refused() + " (" + e.status() + ")");
        }
        // Each row's forms get a key of their own.
        Board board = new Board(items, status, UUID.randomUUID().toString());
        TemplateInstance page = rowsOnly ? Templates.dispatchRows(board, errors) : Templates.dispatch(board, errors);
        return Response.status(errors.isUnavailable() ? 503 : httpStatus).entity(page).build();
    }

    private Response renderReport(UUID id, String note, String key, boolean noted, FormErrors errors, int status) {
        try {
            Report report = calls.call(() -> emergency.report(id.toString()));
            List<Report.Event> history = calls.call(() -> emergency.history(id.toString()));
            return Response.status(status)
                    .entity(Templates.dispatchReport(id, new ReportPage(report, history, note, key, noted), errors))
                    .build();
        } catch (ServiceRefusedException e) {
            return Response.status(404)
                    .entity(Templates.dispatchReport(id, new ReportPage(null, List.of(), note, key, false), errors))
                    .build();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(SERVICE);
            return Response.status(503)
                    .entity(Templates.dispatchReport(id, new ReportPage(null, List.of(), note, key, false), errors))
                    .build();
        }
    }

    private AdminMessages msg() {
        return ctx.messages(AdminMessages.class);
    }
}
