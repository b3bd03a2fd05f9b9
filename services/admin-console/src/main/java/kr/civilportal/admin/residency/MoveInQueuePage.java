package kr.civilportal.admin.residency;

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

/**
 * The residency officer's move-in queue (전입신고 처리): pending reports oldest first, filtered by mode or
 * name; approve, or reject with a reason. Reading a resident's record asks for the reason first, which the
 * residency service writes to the access log (열람 사유) with the read.
 */
@Path("/admin")
@RolesAllowed(Roles.RESIDENCY)
public class MoveInQueuePage {

    static final PortalService SERVICE = PortalService.RESIDENCY;

    /** A decision just made, for the notice on the queue (its value in the address: {@code done=approved}). */
    public enum Decision { APPROVED, REJECTED }

    /** The queue page: its filter, the reports, and the one whose rejection is being typed. */
    public record Queue(PendingMoveIn.Mode mode, String q, List<PendingMoveIn> items, Decision done, UUID rejecting,
            String reasonTyped, String key) {
        public List<PendingMoveIn.Mode> modes() {
            return Arrays.asList(PendingMoveIn.Mode.values());
        }

        public String reasonFor(PendingMoveIn m) {
            return m.id().equals(rejecting) ? reasonTyped : "";
        }

        /** Each form of each report its own key; a reload gives new ones. */
        public String keyFor(PendingMoveIn m, String action) {
            return key + "." + m.id() + "." + action;
        }
    }

    @CheckedTemplate(basePath = "admin", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance moveIns(Queue queue, FormErrors errors);

        static native TemplateInstance resident(UUID id, String reason, FormErrors errors, ResidentRecord.Record record);
    }

    private final ResidencyOfficeClient residency;
    private final ServiceCalls calls;
    private final PageContext ctx;

    MoveInQueuePage(@RestClient ResidencyOfficeClient residency, ServiceCalls calls, PageContext ctx) {
        this.residency = residency;
        this.calls = calls;
        this.ctx = ctx;
    }

    @GET
    @Path("move-ins")
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("mode") String mode, @QueryParam("q") String query, @QueryParam("done") String done) {
        return render(FormFields.choice(PendingMoveIn.Mode.class, mode), FormFields.trimmed(query),
                done == null ? null : FormFields.choice(Decision.class, done.toUpperCase(java.util.Locale.ROOT)),
                new FormErrors(), null, "", 200);
    }

    @POST
    @Path("move-ins/{id}/approval")
    @Produces(MediaType.TEXT_HTML)
    public Response approve(@PathParam("id") UUID id, @RestForm String idempotencyKey) {
        FormErrors errors = new FormErrors();
        return calls.submit(SERVICE, errors, Map.of(), msg().admin_err_refused(), () -> {
            residency.approve(FormFields.orNew(idempotencyKey), id).close();
            return URI.create("/admin/move-ins?done=approved");
        }, status -> render(null, "", null, errors, null, "", status));
    }

    @POST
    @Path("move-ins/{id}/rejection")
    @Produces(MediaType.TEXT_HTML)
    public Response reject(@PathParam("id") UUID id, @RestForm String reason, @RestForm String idempotencyKey) {
        FormErrors errors = new FormErrors();
        String why = FormFields.trimmed(reason);
        if (why.isEmpty()) {
            errors.add("reason-" + id, msg().admin_err_reason());
            return render(null, "", null, errors, id, "", 400);
        }
        return calls.submit(SERVICE, errors, Map.of("reason", "reason-" + id), msg().admin_err_refused(), () -> {
            residency.reject(FormFields.orNew(idempotencyKey), id, new ResidencyOfficeClient.Rejection(why)).close();
            return URI.create("/admin/move-ins?done=rejected");
        }, status -> render(null, "", null, errors, id, why, status));
    }

    /** A resident's record: without a reason, the prompt; with one, the (logged) read. */
    @GET
    @Path("residents/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response readResident(@PathParam("id") UUID id, @QueryParam("reason") String reason,
            @QueryParam("asked") boolean asked) {
        FormErrors errors = new FormErrors();
        String why = FormFields.trimmed(reason);
        // "asked": the prompt was sent (an empty field may arrive as no parameter at all).
        if (why.isEmpty()) {
            if (asked) {
                errors.add("reason", msg().admin_err_access_reason());
            }
            return Response.status(errors.any() ? 400 : 200).entity(Templates.resident(id, why, errors, null)).build();
        }
        try {
            ResidentRecord found = calls.call(() -> residency.readResident(id, why));
            return Response.ok(Templates.resident(id, why, errors, found.record())).build();
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), Map.of("*", "reason"), ctx.english(), msg().admin_err_refused());
            return Response.status(e.status()).entity(Templates.resident(id, why, errors, null)).build();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(SERVICE);
            return Response.status(503).entity(Templates.resident(id, why, errors, null)).build();
        }
    }

    private Response render(PendingMoveIn.Mode mode, String query, Decision done, FormErrors errors, UUID rejecting,
            String reasonTyped, int status) {
        List<PendingMoveIn> items = List.of();
        try {
            items = calls.call(residency::pendingMoveIns).stream().filter(m -> m.matches(mode, query)).toList();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(SERVICE);
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), Map.of(), ctx.english(), msg().admin_err_refused());
        }
        Queue queue = new Queue(mode, query, items, done, rejecting, reasonTyped, UUID.randomUUID().toString());
        return Response.status(errors.isUnavailable() ? 503 : status).entity(Templates.moveIns(queue, errors)).build();
    }

    private AdminMessages msg() {
        return ctx.messages(AdminMessages.class);
    }
}
