package kr.civilportal.citizen.movein;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
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
 * 우리 세대: the citizen's own household as their record at residency lists it (address, members with their relation
 * to the head and registration numbers as residency masks them, the citizen's own row marked). 세대 합가: a head
 * answers the requests to join their household (consent or decline), and a citizen who asked to join one follows
 * the request and may take it back (취하), for instance when the head never answers. A request reaches the officers
 * only after the head consents; the asker learns nothing about the household before approval.
 * 세대주 변경: a head with other members names one of them as the new head, with every other member's relation to
 * them ({@link HeadChangeForm}); the named member consents or refuses, the filer may withdraw while it waits
 * (docs/head-change.md).
 */
@Path("/my/household")
@Authenticated
public class HouseholdPage {

    /** What a finished answer says on the page it returns to. */
    static final Set<String> NOTICES = Set.of("consented", "declined", "withdrawn", "gone", "head-change-filed",
            "head-change-consented", "head-change-refused", "head-change-withdrawn");

    /**
     * The page: the citizen's household, requests to the citizen as head, the citizen's own open requests, and a
     * notice.
     */
    public record View(MyHousehold household, List<JoinRequest> toMe, List<MoveIn> mine, String notice, String key,
            boolean unavailable, List<HeadChange> headChanges, HeadChangeForm headChange, FormErrors errors) {

        static View unavailableNow() {
            return new View(MyHousehold.none(), List.of(), List.of(), "", "", true, List.of(), HeadChangeForm.none(),
                    new FormErrors());
        }

        /** The form is shown to a head with members, unless a change already waits (residency would refuse it). */
        public boolean headChangeOffered() {
            return headChange.offered() && headChanges.stream().noneMatch(HeadChange::awaiting);
        }
    }

    @CheckedTemplate(basePath = "movein", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance household(View view);
    }

    private final MyHouseholdClient me;
    private final JoinRequestClient requests;
    private final MoveInClient moveIns;
    private final HeadChangeClient headChanges;
    private final ServiceCalls calls;
    private final PageContext ctx;

    HouseholdPage(@RestClient MyHouseholdClient me, @RestClient JoinRequestClient requests,
            @RestClient MoveInClient moveIns, @RestClient HeadChangeClient headChanges, ServiceCalls calls,
            PageContext ctx) {
        this.me = me;
        this.requests = requests;
        this.moveIns = moveIns;
        this.headChanges = headChanges;
        this.calls = calls;
        this.ctx = ctx;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("done") String done) {
        String notice = done != null && NOTICES.contains(done) ? done : "";
        String key = UUID.randomUUID().toString();
        try {
            MyHouseholdClient.MyRecord record = record();
            return page(record, HeadChangeForm.of(record, key), new FormErrors(), notice, key, 200);
        } catch (ServiceUnavailableException e) {
            return unavailable();
        }
    }

    /**
     * 세대주 변경 filed: the page's checks first (a new head chosen, a relation for every other member), then
     * residency; its refusals are shown by the fields (400) or as one message (409: not the head, a change already
     * open, a member on an open move-in), with what was chosen kept and the same Idempotency-Key.
     */
    @POST
    @Path("head-changes")
    @Produces(MediaType.TEXT_HTML)
    public Response fileHeadChange(@RestForm String newHead, @RestForm List<String> relations,
            @RestForm String idempotencyKey) {
        HouseholdMessages msg = ctx.messages(HouseholdMessages.class);
        try {
            MyHouseholdClient.MyRecord record = record();
            HeadChangeForm form = HeadChangeForm.of(record, "").sent(newHead, relations, idempotencyKey);
            FormErrors errors = new FormErrors();
            if (!form.offered()) {
                // No longer (or never) a head with members: nothing to file, the page says why.
                errors.addGeneral(msg.head_change_err_conflict());
                return page(record, form, errors, "", form.idempotencyKey(), 409);
            }
            form.check(errors, msg);
            if (errors.any()) {
                return page(record, form, errors, "", form.idempotencyKey(), 400);
            }
            try {
                calls.call(() -> headChanges.file(form.idempotencyKey(), form.filing())).close();
            } catch (ServiceRefusedException e) {
                if (e.status() == Response.Status.CONFLICT.getStatusCode()) {
                    errors.addGeneral(msg.head_change_err_conflict());
                } else {
                    form.refused(e.problem(), errors, msg);
                }
                return page(record, form, errors, "", form.idempotencyKey(), e.status());
            }
            return Response.seeOther(URI.create("/my/household?done=head-change-filed")).build();
        } catch (ServiceUnavailableException e) {
            return unavailable();
        }
    }

    /** The whole page: the household, the form (as given), the join requests and the head changes. */
    private Response page(MyHouseholdClient.MyRecord record, HeadChangeForm form, FormErrors errors, String notice,
            String key, int status) {
        List<JoinRequest> toMe = calls.call(requests::toMe);
        List<MoveIn> mine = calls.call(moveIns::mine).stream()
                .filter(m -> m.mode() == MoveInMode.JOIN_HOUSEHOLD && m.undecided()).toList();
        View view = new View(MyHousehold.of(record), toMe, mine, notice, key, false, headChanges(), form, errors);
        return Response.status(status).entity(Templates.household(view)).build();
    }

    private Response unavailable() {
        return Response.status(503).entity(Templates.household(View.unavailableNow())).build();
    }

    /**
     * The citizen's own record. Residency's 404 (no record linked to the account) is no household; a silent
     * residency makes the whole page "unavailable", as the requests' calls do.
     */
    private MyHouseholdClient.MyRecord record() {
        try {
            return calls.call(me::me);
        } catch (ServiceRefusedException e) {
            if (e.status() == Response.Status.NOT_FOUND.getStatusCode()) {
                return null;
            }
            throw e;
        }
    }

    /**
     * The head changes the citizen filed or is named in, open and recent. Residency's 404 (no record linked to the
     * account) is none, as for the household.
     */
    private List<HeadChange> headChanges() {
        try {
            return calls.call(headChanges::mine);
        } catch (ServiceRefusedException e) {
            if (e.status() == Response.Status.NOT_FOUND.getStatusCode()) {
                return List.of();
            }
            throw e;
        }
    }

    @POST
    @Path("requests/{id}/consent")
    @Produces(MediaType.TEXT_HTML)
    public Response consent(@PathParam("id") UUID id, @RestForm String idempotencyKey) {
        return answer("consented", () -> requests.consent(FormFields.orNew(idempotencyKey), id));
    }

    @POST
    @Path("requests/{id}/refusal")
    @Produces(MediaType.TEXT_HTML)
    public Response decline(@PathParam("id") UUID id, @RestForm String idempotencyKey) {
        return answer("declined", () -> requests.decline(FormFields.orNew(idempotencyKey), id));
    }

    @POST
    @Path("move-ins/{id}/withdrawal")
    @Produces(MediaType.TEXT_HTML)
    public Response withdraw(@PathParam("id") UUID id, @RestForm String idempotencyKey) {
        return answer("withdrawn", () -> moveIns.withdraw(FormFields.orNew(idempotencyKey), id));
    }

    @POST
    @Path("head-changes/{id}/consent")
    @Produces(MediaType.TEXT_HTML)
    public Response consentToHeadChange(@PathParam("id") UUID id, @RestForm String idempotencyKey) {
        return answer("head-change-consented", () -> headChanges.consent(FormFields.orNew(idempotencyKey), id));
    }

    @POST
    @Path("head-changes/{id}/refusal")
    @Produces(MediaType.TEXT_HTML)
    public Response refuseHeadChange(@PathParam("id") UUID id, @RestForm String idempotencyKey) {
        return answer("head-change-refused", () -> headChanges.refuse(FormFields.orNew(idempotencyKey), id));
    }

    /** The filer takes back a change still waiting (a form cannot send DELETE: the page does). */
    @POST
    @Path("head-changes/{id}/withdrawal")
    @Produces(MediaType.TEXT_HTML)
    public Response withdrawHeadChange(@PathParam("id") UUID id, @RestForm String idempotencyKey) {
        return answer("head-change-withdrawn", () -> headChanges.withdraw(FormFields.orNew(idempotencyKey), id));
    }

    private Response answer(String notice, Supplier<Response> call) {
        String shown = notice;
        try {
            calls.call(call).close();
        } catch (ServiceRefusedException e) {
            // Answered or withdrawn meanwhile (another tab, the other person), or not the caller's: the page
            // says so and shows what is left.
            shown = "gone";
        } catch (ServiceUnavailableException e) {
            return unavailable();
        }
        return Response.seeOther(URI.create("/my/household?done=" + shown)).build();
    }
}
