package kr.civilportal.admin.casework;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import kr.civilportal.admin.AdminMessages;
import kr.civilportal.admin.passport.CaseworkMessages;
import kr.civilportal.web.api.PortalService;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.FormFields;
import kr.civilportal.web.page.PageContext;

/**
 * 담당자 배정, the same in the passport, move-in and land queues: a page of its own for one case, offering the
 * colleagues its service names for it (asked for that case only, not for every case a queue shows), whose choice
 * the service then checks and records. The service decides who may be assigned and refuses the rest (400 assignee,
 * 409 held by another or decided, 404 another office's); this form shows its words. Each queue's page says which
 * case, where the service is and where to go back ({@link Case}).
 */
@RequestScoped
public class CaseAssignmentForm {

    /**
     * One case to assign: its page's title, the form's action, the service that holds it, how to ask it for the
     * assignees and to assign, what a 404 means in words, and the addresses to go back to (after an assignment,
     * with the notice).
     */
    public record Case(String title, String action, List<Kept> kept, PortalService service,
            Supplier<List<Assignee>> assignees, Consumer<Assignment> assign, String notFound, String back,
            String assigned) {
    }

    /** A field the form sends back as it came (a queue's filter, to return to it). */
    public record Kept(String name, String value) {
    }

    /** What the page shows: the case (its title, form and way back), whom it may go to, and who the official is. */
    public record Shown(Case assigned, List<Assignee> assignees, String chosen, String officer) {
    }

    @CheckedTemplate(basePath = "admin", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance caseAssignment(Shown page, FormErrors errors);
    }

    private final ServiceCalls calls;
    private final PageContext ctx;
    private final SecurityIdentity identity;

    CaseAssignmentForm(ServiceCalls calls, PageContext ctx, SecurityIdentity identity) {
        this.calls = calls;
        this.ctx = ctx;
        this.identity = identity;
    }

    /** The form, no one chosen yet. */
    public Response show(Case c) {
        return render(c, "", new FormErrors(), 200);
    }

    /** 배정하기: the service assigns the case; back to its queue with the notice, or this form with its refusal. */
    public Response assign(Case c, String assignee) {
        String chosen = FormFields.trimmed(assignee).strip();
        FormErrors errors = new FormErrors();
        if (chosen.isEmpty()) {
            errors.add("assignee", casework().assign_err_choose());
            return render(c, chosen, errors, 400);
        }
        try {
            calls.call(() -> {
                c.assign().accept(new Assignment(chosen));
                return null;
            });
            return Response.seeOther(URI.create(c.assigned())).build();
        } catch (ServiceRefusedException e) {
            if (e.status() == 404) {
                errors.addGeneral(c.notFound());
            } else {
                errors.addProblem(e.problem(), Map.of("assignee", "assignee"), ctx.english(),
                        ctx.messages(AdminMessages.class).admin_err_refused());
            }
            return render(c, chosen, errors, e.status());
        } catch (ServiceUnavailableException e) {
            errors.unavailable(c.service());
            return render(c, chosen, errors, 503);
        }
    }

    private Response render(Case c, String chosen, FormErrors errors, int status) {
        List<Assignee> assignees = List.of();
        int answer = status;
        try {
            assignees = calls.call(c.assignees()::get);
        } catch (ServiceUnavailableException e) {
            errors.unavailable(c.service());
            answer = 503;
        } catch (ServiceRefusedException e) {
            // Another office's case, or one that is gone: no colleague to offer, and the page says so.
            if (!errors.any()) {
                errors.addGeneral(c.notFound());
                answer = e.status();
            }
        }
        Shown page = new Shown(c, assignees, chosen, identity.getPrincipal().getName());
        return Response.status(answer).entity(Templates.caseAssignment(page, errors)).build();
    }

    private CaseworkMessages casework() {
        return ctx.messages(CaseworkMessages.class);
    }
}
