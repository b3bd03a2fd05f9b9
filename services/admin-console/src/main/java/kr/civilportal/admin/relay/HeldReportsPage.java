package kr.civilportal.admin.relay;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.util.function.Supplier;
import kr.civilportal.admin.AdminConsoleSettings;
import kr.civilportal.admin.Roles;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.FormFields;
import kr.civilportal.web.page.PageContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 보류·전달 실패 119 신고: the reports the gateway held while the 119 service was away, and those the service then
 * refused for good, for dispatch supervisors (상황팀장). A held one is still on its way; during a long outage the
 * supervisor may read it (with a reason, logged by the gateway) to act on it by phone. A refused one needs a person:
 * read it, then send it again once the service takes it, or settle it saying how it was dealt with.
 */
@Path("/admin/held-reports")
@RolesAllowed(Roles.DISPATCH_SUPERVISION)
public class HeldReportsPage {

    /** The list as shown: its reports, whether there were more, the state it is filtered on (null: open ones). */
    public record Listing(List<HeldReport> reports, boolean truncated, HeldState filter, boolean unavailable) {
        public List<HeldState> states() {
            return Arrays.stream(HeldState.values()).filter(s -> s != HeldState.OTHER).toList();
        }

        public String filterName() {
            return filter == null ? "" : filter.name();
        }
    }

    /**
     * One report's page: the report, its content once read (with the reason given), the forms as typed, and what
     * was just done ({@code done}: retry or resolve).
     */
    public record Detail(UUID id, HeldReport report, HeldReport.Content content, String reason, String note,
            String key, String done, boolean unavailable) {
        /** What was typed in the form that was sent ({@code done} names it while it is shown again). */
        public String noteOf(String form) {
            return form.equals(done) ? note : "";
        }
    }

    @CheckedTemplate(basePath = "admin", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance heldReports(Listing list, FormErrors errors);

        static native TemplateInstance heldReport(Detail page, FormErrors errors);
    }

    private final HeldReportsClient gateway;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final AdminConsoleSettings.HeldReports settings;

    HeldReportsPage(@RestClient HeldReportsClient gateway, ServiceCalls calls, PageContext ctx,
            AdminConsoleSettings settings) {
        this.gateway = gateway;
        this.calls = calls;
        this.ctx = ctx;
        this.settings = settings.heldReports();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("state") String state) {
        HeldState filter = FormFields.choice(HeldState.class, state);
        FormErrors errors = new FormErrors();
        try {
            HeldReport.Listed found = calls.call(() -> gateway.list(filter == null ? null : filter.name()));
            return Response.ok(Templates.heldReports(new Listing(found.reports(), found.truncated(), filter, false),
                    errors)).build();
        } catch (ServiceUnavailableException | ServiceRefusedException e) {
            return Response.status(503).entity(Templates.heldReports(new Listing(List.of(), false, filter, true),
                    errors)).build();
        }
    }

    /** The report; with {@code reason}, its content too (the gateway logs the read before it answers). */
    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response report(@PathParam("id") UUID id, @QueryParam("reason") String reason,
            @QueryParam("done") String done) {
        FormErrors errors = new FormErrors();
        if (reason == null) {
            return render(id, null, "", "", done, errors, 200);
        }
        String why = FormFields.trimmed(reason);
        if (why.isEmpty() || why.length() > settings.reasonMaxLength()) {
            errors.add("reason", msg().err_reason());
            return render(id, null, why, "", null, errors, 400);
        }
        try {
            HeldReport.Content content = calls.call(() -> gateway.content(id.toString(), why));
            return render(id, content, why, "", null, errors, 200);
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), Map.of("reason", "reason"), ctx.english(), msg().refused());
            return render(id, null, why, "", null, errors, e.status());
        } catch (ServiceUnavailableException e) {
            return render(id, null, why, "", null, errors, 503);
        }
    }

    @POST
    @Path("{id}/retry")
    @Produces(MediaType.TEXT_HTML)
    public Response retry(@PathParam("id") UUID id, @RestForm String note, @RestForm String idempotencyKey) {
        String typed = FormFields.trimmed(note);
        FormErrors errors = new FormErrors();
        if (typed.length() > settings.noteMaxLength()) {
            errors.add("retry-note", msg().err_note_long());
        }
        return step(id, "retry", typed, idempotencyKey, errors,
                key -> () -> gateway.retry(key, id.toString(), new HeldReportsClient.Note(typed)));
    }

    @POST
    @Path("{id}/resolution")
    @Produces(MediaType.TEXT_HTML)
    public Response resolve(@PathParam("id") UUID id, @RestForm String note, @RestForm String idempotencyKey) {
        String typed = FormFields.trimmed(note);
        FormErrors errors = new FormErrors();
        if (typed.isEmpty()) {
            errors.add("note", msg().err_note());
        } else if (typed.length() > settings.noteMaxLength()) {
            errors.add("note", msg().err_note_long());
        }
        return step(id, "resolve", typed, idempotencyKey, errors,
                key -> () -> gateway.resolve(key, id.toString(), new HeldReportsClient.Note(typed)));
    }

    private Response step(UUID id, String done, String note, String idempotencyKey, FormErrors errors,
            java.util.function.Function<String, Supplier<HeldReport>> call) {
        String key = FormFields.orNew(idempotencyKey);
        if (errors.any()) {
            return render(id, null, "", note, key, done, errors, 400);
        }
        try {
            calls.call(call.apply(key));
            return Response.seeOther(URI.create("/admin/held-reports/" + id + "?done=" + done)).build();
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), Map.of("note", "retry".equals(done) ? "retry-note" : "note"),
                    ctx.english(), msg().refused());
            return render(id, null, "", note, key, done, errors, e.status());
        } catch (ServiceUnavailableException e) {
            return render(id, null, "", note, key, done, errors, 503);
        }
    }

    private Response render(UUID id, HeldReport.Content content, String reason, String note, String done,
            FormErrors errors, int status) {
        return render(id, content, reason, note, UUID.randomUUID().toString(), done, errors, status);
    }

    private Response render(UUID id, HeldReport.Content content, String reason, String note, String key,
            String done, FormErrors errors, int status) {
        try {
            HeldReport report = calls.call(() -> gateway.report(id.toString()));
            return Response.status(status).entity(Templates.heldReport(
                    new Detail(id, report, content, reason, note, key, done, false), errors)).build();
        } catch (ServiceRefusedException e) {
            return Response.status(404).entity(Templates.heldReport(
                    new Detail(id, null, null, reason, note, key, null, false), errors)).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(Templates.heldReport(
                    new Detail(id, null, null, reason, note, key, null, true), errors)).build();
        }
    }

    private RelayMessages msg() {
        return ctx.messages(RelayMessages.class);
    }
}
