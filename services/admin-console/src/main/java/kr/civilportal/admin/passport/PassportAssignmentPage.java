package kr.civilportal.admin.passport;

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
import kr.civilportal.web.page.PageContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 담당자 배정 of a passport application: a passport officer gives one nobody holds, or one they hold, to a colleague
 * of its receiving office whom passport offers (those who have used it lately); back to the application's page.
 */
@Path("/admin/passports/{id}/assignment")
@RolesAllowed(Roles.PASSPORT)
public class PassportAssignmentPage {

    private final PassportOfficeClient passport;
    private final CaseAssignmentForm form;
    private final PageContext ctx;

    PassportAssignmentPage(@RestClient PassportOfficeClient passport, CaseAssignmentForm form, PageContext ctx) {
        this.passport = passport;
        this.form = form;
        this.ctx = ctx;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("id") UUID id) {
        return form.show(application(id));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response assign(@PathParam("id") UUID id, @RestForm String assignee) {
        return form.assign(application(id), assignee);
    }

    private CaseAssignmentForm.Case application(UUID id) {
        CaseworkMessages words = ctx.messages(CaseworkMessages.class);
        String page = "/admin/passports/" + id;
        return new CaseAssignmentForm.Case(words.assign_title(), page + "/assignment", List.of(),
                PassportQueuePage.SERVICE, () -> passport.assignees(id), assignment -> passport.assign(id, assignment),
                words.not_found(), page, page + "?holding=assigned");
    }
}
