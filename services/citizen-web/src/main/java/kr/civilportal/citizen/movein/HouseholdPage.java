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
import kr.civilportal.web.page.FormFields;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 우리 세대: the citizen's own household as their record at residency lists it (address, members with their relation
 * to the head and registration numbers as residency masks them, the citizen's own row marked). 세대 합가: a head
 * answers the requests to join their household (consent or decline), and a citizen who asked to join one follows
 * the request and may take it back (취하), for instance when the head never answers. A request reaches the officers
 * only after the head consents; the asker learns nothing about the household before approval.
 */
@Path("/my/household")
@Authenticated
public class HouseholdPage {

    /** What a finished answer says on the page it returns to. */
    static final Set<String> NOTICES = Set.of("consented", "declined", "withdrawn", "gone");

    /**
     * The page: the citizen's household, requests to the citizen as head, the citizen's own open requests, and a
     * notice.
     */
    public record View(MyHousehold household, List<JoinRequest> toMe, List<MoveIn> mine, String notice, String key,
            boolean unavailable) {

        static View unavailableNow() {
            return new View(MyHousehold.none(), List.of(), List.of(), "", "", true);
        }
    }

    @CheckedTemplate(basePath = "movein", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance household(View view);
    }

    private final MyHouseholdClient me;
    private final JoinRequestClient requests;
    private final MoveInClient moveIns;
    private final ServiceCalls calls;

    HouseholdPage(@RestClient MyHouseholdClient me, @RestClient JoinRequestClient requests,
            @RestClient MoveInClient moveIns, ServiceCalls calls) {
        this.me = me;
        this.requests = requests;
        this.moveIns = moveIns;
        this.calls = calls;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("done") String done) {
        String notice = done != null && NOTICES.contains(done) ? done : "";
        try {
            MyHousehold household = household();
            List<JoinRequest> toMe = calls.call(requests::toMe);
            List<MoveIn> mine = calls.call(moveIns::mine).stream()
                    .filter(m -> m.mode() == MoveInMode.JOIN_HOUSEHOLD && m.undecided()).toList();
            return Response.ok(Templates.household(
                    new View(household, toMe, mine, notice, UUID.randomUUID().toString(), false))).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(Templates.household(View.unavailableNow())).build();
        }
    }

    /**
     * The citizen's household from their own record. Residency's 404 (no record linked to the account) is no
     * household; a silent residency makes the whole page "unavailable", as the requests' calls do.
     */
    private MyHousehold household() {
        try {
            return MyHousehold.of(calls.call(me::me));
        } catch (ServiceRefusedException e) {
            if (e.status() == Response.Status.NOT_FOUND.getStatusCode()) {
                return MyHousehold.none();
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

    private Response answer(String notice, Supplier<Response> call) {
        String shown = notice;
        try {
            calls.call(call).close();
        } catch (ServiceRefusedException e) {
            // Answered or withdrawn meanwhile (another tab, the other person), or not the caller's: the page
            // says so and shows what is left.
            shown = "gone";
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(Templates.household(View.unavailableNow())).build();
        }
        return Response.seeOther(URI.create("/my/household?done=" + shown)).build();
    }
}
