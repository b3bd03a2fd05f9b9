package kr.civilportal.citizen.movein;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import kr.civilportal.citizen.CitizenMessages;
import kr.civilportal.web.api.PortalService;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.PageContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** 전입신고: a citizen reports moving in, forming a new household or joining one; then follows it on /my. */
@Path("/my/move-in")
@Authenticated
public class MoveInPage {

    private static final Map<String, String> FIELDS = Map.of("mode", "mode", "address", "address",
            "movedInOn", "movedInOn", "headResidentRegistrationNumber", "headNumber", "relationToHead", "relation",
            "movers", "movers", "*", "mode");

    @CheckedTemplate(basePath = "movein", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance moveIn(MoveInForm form, HouseholdMembers members, FormErrors errors);
    }

    private final MoveInClient residency;
    private final MyHouseholdClient household;
    private final ServiceCalls calls;
    private final PageContext ctx;

    MoveInPage(@RestClient MoveInClient residency, @RestClient MyHouseholdClient household, ServiceCalls calls,
            PageContext ctx) {
        this.residency = residency;
        this.household = household;
        this.calls = calls;
        this.ctx = ctx;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show() {
        HouseholdMembers members = members();
        return render(MoveInForm.empty(members.head() && members.any()), members, new FormErrors(), 200);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@RestForm String mode, @RestForm String address, @RestForm String movedInOn,
            @RestForm String headNumber, @RestForm String relation, @RestForm String idempotencyKey,
            @RestForm boolean wholeHousehold, @RestForm List<String> movers) {
        CitizenMessages msg = ctx.messages(CitizenMessages.class);
        HouseholdMembers members = members();
        MoveInForm form = MoveInForm.of(mode, movedInOn, address, headNumber, relation, idempotencyKey,
                wholeHousehold, movers).movingWith(members);
        FormErrors errors = new FormErrors();
        form.problems().forEach((field, message) -> errors.add(field, message.apply(msg)));
        if (errors.any()) {
            return render(form, members, errors, 400);
        }
        return calls.submit(PortalService.RESIDENCY, errors, FIELDS, msg.movein_err_failed(), () -> {
            residency.file(form.idempotencyKey(), form.request()).close();
            return URI.create("/my?filed=move-in");
        }, status -> render(form, members, errors, status));
    }

    /**
     * The citizen's household as their record lists it; when residency cannot say, none (the form still files the
     * citizen alone, and says why nobody is offered).
     */
    private HouseholdMembers members() {
        try {
            return HouseholdMembers.of(calls.call(household::me));
        } catch (ServiceUnavailableException | ServiceRefusedException e) {
            return HouseholdMembers.none(true);
        }
    }

    private Response render(MoveInForm form, HouseholdMembers members, FormErrors errors, int status) {
        return Response.status(status).entity(Templates.moveIn(form, members, errors)).build();
    }
}
