package kr.civilportal.citizen.petitions;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

import kr.civilportal.web.page.PageContext;
import kr.civilportal.citizen.api.PassportClient;
import kr.civilportal.citizen.api.ResidencyClient;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * 나의 민원: the citizen's petitions across the services, each section on its own, so one service being
 * down shows a panel in its section and the others still list theirs. Land-register extracts are issued at
 * once (nothing to follow) and 119 reports are anonymous (followed by their receipt address), so neither
 * has a section here.
 */
@Path("/my")
@Authenticated
public class DashboardPage {

    private final Template dashboard;
    private final Template detail;
    private final ResidencyClient residency;
    private final PassportClient passport;
    private final ServiceCalls calls;
    private final PageContext ctx;

    DashboardPage(@Location("petitions/dashboard.html") Template dashboard,
            @Location("petitions/passport-detail.html") Template detail, @RestClient ResidencyClient residency,
            @RestClient PassportClient passport, ServiceCalls calls, PageContext ctx) {
        this.dashboard = dashboard;
        this.detail = detail;
        this.residency = residency;
        this.passport = passport;
        this.calls = calls;
        this.ctx = ctx;
    }

    /** One service's part of the dashboard: its petitions, or why there are none to show. */
    public record Section(String service, List<Petition> petitions, boolean unavailable) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("filed") String filed) {
        String bearer = calls.bearer();
        List<Section> sections = List.of(residencySection(bearer), passportSection(bearer));
        return dashboard.data("sections", sections).data("filed", filed != null);
    }

    @GET
    @Path("petitions/passport/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response passportDetail(@PathParam("id") String id, @QueryParam("submitted") boolean submitted,
            @QueryParam("photoRefused") String photoRefused, @QueryParam("photoReplaced") boolean photoReplaced) {
        try {
            String bearer = calls.bearer();
            JsonNode application = calls.call("passport", () -> passport.application(bearer, id));
            boolean pickupReady = "READY_FOR_PICKUP".equals(application.path("status").asText());
            return Response.ok(detail.data("petition", passportPetition(application)).data("unavailable", false)
                    .data("pickupReady", pickupReady).data("submitted", submitted).data("photoRefused", photoRefused).data("photoReplaced", photoReplaced)).build();
        } catch (ServiceRefusedException e) {
            return Response.status(404).entity(detail.data("petition", null).data("unavailable", false).data("pickupReady", false)
                    .data("submitted", false).data("photoRefused", null).data("photoReplaced", false)).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(detail.data("petition", null).data("unavailable", true).data("pickupReady", false)
                    .data("submitted", false).data("photoRefused", null).data("photoReplaced", false)).build();
        }
    }

    private Section residencySection(String bearer) {
        try {
            JsonNode moveIns = calls.call("residency", () -> residency.myMoveIns(bearer));
            List<Petition> petitions = new ArrayList<>();
            for (JsonNode m : moveIns) {
                List<Petition.Step> history = new ArrayList<>();
                history.add(new Petition.Step(m.path("submittedAt").asText(), ctx.text("state_received")));
                String status = m.path("status").asText();
                PetitionState state = PetitionState.ofMoveIn(status);
                if (m.hasNonNull("decidedAt")) {
                    String what = ctx.text("state_" + state.key());
                    if (m.hasNonNull("rejectionReason")) {
                        what += ": " + m.path("rejectionReason").asText();
                    }
                    history.add(new Petition.Step(m.path("decidedAt").asText(), what));
                }
                petitions.add(new Petition("residency", m.path("id").asText(), ctx.text("movein_petition"), state,
                        m.path("submittedAt").asText(), null, history));
            }
            return new Section("residency", petitions, false);
        } catch (ServiceUnavailableException e) {
            return new Section("residency", List.of(), true);
        }
    }

    private Section passportSection(String bearer) {
        try {
            JsonNode mine = calls.call("passport", () -> passport.mine(bearer));
            List<Petition> petitions = new ArrayList<>();
            for (JsonNode a : mine) {
                // The list carries no history; each application's own read does (a citizen has a handful).
                String id = a.path("id").asText();
                JsonNode full = calls.call("passport", () -> passport.application(bearer, id));
                petitions.add(passportPetition(full));
            }
            return new Section("passport", petitions, false);
        } catch (ServiceUnavailableException e) {
            return new Section("passport", List.of(), true);
        }
    }

    private Petition passportPetition(JsonNode a) {
        List<Petition.Step> history = new ArrayList<>();
        for (JsonNode h : a.path("history")) {
            String what = ctx.text("passport_status_" + h.path("to").asText());
            if (h.hasNonNull("reason")) {
                what += ": " + h.path("reason").asText();
            }
            if (h.hasNonNull("supplementDeadline")) {
                what += " (" + ctx.text("supplement_deadline") + " " + h.path("supplementDeadline").asText() + ")";
            }
            history.add(new Petition.Step(h.path("at").asText(), what));
        }
        String title = ctx.text("passport_petition_" + a.path("kind").asText());
        return new Petition("passport", a.path("id").asText(), title, PetitionState.ofPassport(a.path("status").asText()),
                a.path("submittedAt").asText(), "/my/petitions/passport/" + a.path("id").asText(), history);
    }

}
