package kr.civilportal.admin.residency;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import kr.civilportal.admin.Roles;
import kr.civilportal.admin.casework.CaseAssignmentForm;
import kr.civilportal.admin.passport.CaseworkMessages;
import kr.civilportal.web.page.PageContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 담당자 배정 of a move-in report: a residency officer gives one nobody holds, or one they hold, to a colleague of its
 * office whom residency offers (those who have used it lately); back to the move-in queue.
 */
@Path("/admin/move-ins/{id}/assignment")
@RolesAllowed(Roles.RESIDENCY)
public class MoveInAssignmentPage {

    private static final String QUEUE = "/admin/move-ins";

    private final ResidencyOfficeClient residency;
    private final CaseAssignmentForm form;
    private final PageContext ctx;

    MoveInAssignmentPage(@RestClient ResidencyOfficeClient residency, CaseAssignmentForm form, PageContext ctx) {
        this.residency = residency;
        this.form = form;
        this.ctx = ctx;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("id") UUID id) {
        return form.show(report(id));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response assign(@PathParam("id") UUID id, @RestForm String assignee) {
        return form.assign(report(id), assignee);
    }

    private CaseAssignmentForm.Case report(UUID id) {
        CaseworkMessages words = ctx.messages(CaseworkMessages.class);
        String anchor = "#movein-" + id;
        return new CaseAssignmentForm.Case(words.movein_assign_title(), QUEUE + "/" + id + "/assignment", List.of(),
                MoveInQueuePage.SERVICE, () -> residency.moveInAssignees(id),
                assignment -> residency.assign(id, assignment), words.movein_not_found(), QUEUE + anchor,
                QUEUE + "?holding=assigned" + anchor);
    }
}
