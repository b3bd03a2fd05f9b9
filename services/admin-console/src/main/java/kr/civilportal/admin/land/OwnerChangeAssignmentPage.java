package kr.civilportal.admin.land;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import kr.civilportal.admin.Roles;
import kr.civilportal.admin.casework.CaseAssignmentForm;
import kr.civilportal.admin.passport.CaseworkMessages;
import kr.civilportal.web.page.FormFields;
import kr.civilportal.web.page.PageContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 담당자 배정 of an owner-change request: a land officer gives one nobody holds, or one they hold, to a colleague of
 * its office whom land-registry offers (those who have used it lately); back to the queue, with its 담당 filter.
 */
@Path("/admin/land/requests/{id}/assignment")
@RolesAllowed(Roles.LAND)
public class OwnerChangeAssignmentPage {

    private final LandOfficeClient land;
    private final CaseAssignmentForm form;
    private final PageContext ctx;

    OwnerChangeAssignmentPage(@RestClient LandOfficeClient land, CaseAssignmentForm form, PageContext ctx) {
        this.land = land;
        this.form = form;
        this.ctx = ctx;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("id") UUID id, @QueryParam("held") String held) {
        return form.show(request(id, held));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response assign(@PathParam("id") UUID id, @RestForm String assignee, @RestForm String held) {
        return form.assign(request(id, held), assignee);
    }

    private CaseAssignmentForm.Case request(UUID id, String held) {
        OwnerChangeRequestItem.Held filter = FormFields.choice(OwnerChangeRequestItem.Held.class, held);
        String queue = OwnerChangeRequestQueuePage.QUEUE;
        String anchor = "#request-" + id;
        CaseworkMessages words = ctx.messages(CaseworkMessages.class);
        return new CaseAssignmentForm.Case(words.landreq_assign_title(), queue + "/" + id + "/assignment",
                filter == null ? List.of() : List.of(new CaseAssignmentForm.Kept("held", filter.name())),
                OwnerChangeRequestQueuePage.SERVICE, () -> land.ownerChangeRequestAssignees(id),
                assignment -> land.assignOwnerChangeRequest(id, assignment), words.landreq_not_found(),
                queue + (filter == null ? "" : "?held=" + filter.name()) + anchor,
                queue + "?" + (filter == null ? "" : "held=" + filter.name() + "&") + "holding=assigned" + anchor);
    }
}
