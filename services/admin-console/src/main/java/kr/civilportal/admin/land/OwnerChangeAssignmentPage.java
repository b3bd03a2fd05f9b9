package kr.civilportal.admin.land;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.admin.AdminMessages;
import kr.civilportal.admin.Roles;
import kr.civilportal.admin.passport.CaseworkMessages;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.FormFields;
import kr.civilportal.web.page.PageContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 담당자 배정: a land officer gives an owner-change request nobody holds, or one they hold, to a colleague of its
 * office, chosen from the officers land-registry offers for it (those who have used it lately). A page of its own
 * rather than a list on every request of the queue: the colleagues are asked of land-registry for the one request
 * being assigned, not for each request shown. Land-registry decides who may be assigned and refuses the rest (400
 * assignee, 409 held by another or decided, 404 another office's); the console shows its words.
 */
@Path("/admin/land/requests/{id}/assignment")
@RolesAllowed(Roles.LAND)
public class OwnerChangeAssignmentPage {

    /** The form: the request, whom it may go to, who the official is, the queue's filter to go back to. */
    public record Assignment(UUID request, List<LandOfficeClient.Assignee> assignees, String chosen, String officer,
            String held) {

        /** The queue this page came from, with its filter. */
        public String back() {
            return OwnerChangeRequestQueuePage.QUEUE + (held.isEmpty() ? "" : "?held=" + held) + "#request-" + request;
        }
    }

    @CheckedTemplate(basePath = "admin", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance landRequestAssignment(Assignment assignment, FormErrors errors);
    }

    private final LandOfficeClient land;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final SecurityIdentity identity;

    OwnerChangeAssignmentPage(@RestClient LandOfficeClient land, ServiceCalls calls, PageContext ctx,
            SecurityIdentity identity) {
        this.land = land;
        this.calls = calls;
        this.ctx = ctx;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("id") UUID id, @QueryParam("held") String held) {
        return render(id, "", held, new FormErrors(), 200);
    }

    /** 배정하기: land-registry assigns it; back to the queue with the notice, or this page with its refusal. */
    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response assign(@PathParam("id") UUID id, @RestForm String assignee, @RestForm String held) {
        String chosen = FormFields.trimmed(assignee).strip();
        FormErrors errors = new FormErrors();
        if (chosen.isEmpty()) {
            errors.add("assignee", casework().assign_err_choose());
            return render(id, chosen, held, errors, 400);
        }
        try {
            calls.call(() -> land.assignOwnerChangeRequest(id, new LandOfficeClient.Assignment(chosen)));
            OwnerChangeRequestItem.Held filter = FormFields.choice(OwnerChangeRequestItem.Held.class, held);
            return Response.seeOther(URI.create(OwnerChangeRequestQueuePage.QUEUE + "?"
                    + (filter == null ? "" : "held=" + filter.name() + "&") + "holding=assigned#request-" + id)).build();
        } catch (ServiceRefusedException e) {
            if (e.status() == 404) {
                errors.addGeneral(casework().landreq_not_found());
            } else {
                errors.addProblem(e.problem(), Map.of("assignee", "assignee"), ctx.english(), msg().admin_err_refused());
            }
            return render(id, chosen, held, errors, e.status());
        } catch (ServiceUnavailableException e) {
            errors.unavailable(OwnerChangeRequestQueuePage.SERVICE);
            return render(id, chosen, held, errors, 503);
        }
    }

    private Response render(UUID id, String chosen, String held, FormErrors errors, int status) {
        List<LandOfficeClient.Assignee> assignees = List.of();
        int answer = status;
        try {
            assignees = calls.call(() -> land.ownerChangeRequestAssignees(id));
        } catch (ServiceUnavailableException e) {
            errors.unavailable(OwnerChangeRequestQueuePage.SERVICE);
            answer = 503;
        } catch (ServiceRefusedException e) {
            // Another office's request, or one that is gone: no colleague to offer, and the page says so.
            if (!errors.any()) {
                errors.addGeneral(casework().landreq_not_found());
                answer = e.status();
            }
        }
        OwnerChangeRequestItem.Held filter = FormFields.choice(OwnerChangeRequestItem.Held.class, held);
        Assignment assignment = new Assignment(id, assignees, chosen, identity.getPrincipal().getName(),
                filter == null ? "" : filter.name());
        return Response.status(answer).entity(Templates.landRequestAssignment(assignment, errors)).build();
    }

    private AdminMessages msg() {
        return ctx.messages(AdminMessages.class);
    }

    private CaseworkMessages casework() {
        return ctx.messages(CaseworkMessages.class);
    }
}
