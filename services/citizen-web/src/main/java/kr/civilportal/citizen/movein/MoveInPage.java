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

/**
 * 전입신고: a citizen reports moving in, forming a new household or joining one; then follows it on /my. A new
 * household's address is chosen from residency's road-name address register: the form's "주소 검색" button posts
 * the whole form here ({@code action=search-address}), and it comes back as typed with the matches to choose from.
 */
@Path("/my/move-in")
@Authenticated
public class MoveInPage {

    /** The {@code action} of the form's address search button; the report's own button sends none. */
    static final String SEARCH_ADDRESS = "search-address";

    private static final Map<String, String> FIELDS = Map.of("mode", "mode", "address", "address",
            "movedInOn", "movedInOn", "headResidentRegistrationNumber", "headNumber", "relationToHead", "relation",
            "movers", "movers", "*", "mode");
    /** The register search's one field: the form's search box. */
    private static final Map<String, String> SEARCH_FIELDS = Map.of("q", "addressQuery", "*", "addressQuery");

    @CheckedTemplate(basePath = "movein", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance moveIn(MoveInForm form, HouseholdMembers members, AddressMatches matches,
                FormErrors errors);
    }

    private final MoveInClient residency;
    private final MyHouseholdClient household;
    private final AddressClient addresses;
    private final ServiceCalls calls;
    private final PageContext ctx;

    MoveInPage(@RestClient MoveInClient residency, @RestClient MyHouseholdClient household,
            @RestClient AddressClient addresses, ServiceCalls calls, PageContext ctx) {
        this.residency = residency;
        this.household = household;
        this.addresses = addresses;
        this.calls = calls;
        this.ctx = ctx;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show() {
        HouseholdMembers members = members();
        return render(MoveInForm.empty(members.head() && members.any()), members, AddressMatches.none(),
                new FormErrors(), 200);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@RestForm String action, @RestForm String mode, @RestForm String movedInOn,
            @RestForm String addressQuery, @RestForm String roadAddress, @RestForm String addressDetail,
            @RestForm String headNumber, @RestForm String relation, @RestForm String idempotencyKey,
            @RestForm boolean wholeHousehold, @RestForm List<String> movers) {
        CitizenMessages msg = ctx.messages(CitizenMessages.class);
        HouseholdMembers members = members();
        MoveInForm form = MoveInForm.of(mode, movedInOn, addressQuery, roadAddress, addressDetail, headNumber,
                relation, idempotencyKey, wholeHousehold, movers).movingWith(members);
        FormErrors errors = new FormErrors();
        if (SEARCH_ADDRESS.equals(action)) {
            return searchAddress(form, members, errors, ctx.messages(AddressMessages.class));
        }
        form.problems(msg, ctx.messages(AddressMessages.class)).forEach(errors::add);
        if (errors.any()) {
            return render(form, members, matchesAgain(form, errors), errors, 400);
        }
        return calls.submit(PortalService.RESIDENCY, errors, FIELDS, msg.movein_err_failed(), () -> {
            residency.file(form.idempotencyKey(), form.request()).close();
            return URI.create("/my?filed=move-in");
        }, status -> render(form, members, matchesAgain(form, errors), errors, status));
    }

    /**
     * "주소 검색": the register's rows for the form's query, the form otherwise as it came (nothing is checked or
     * sent but the search). An empty query needs no call; residency's refusal of a query shows by the search box.
     */
    private Response searchAddress(MoveInForm form, HouseholdMembers members, FormErrors errors,
            AddressMessages msg) {
        if (form.addressQuery().isEmpty()) {
            errors.add("addressQuery", msg.err_query());
            return render(form, members, AddressMatches.none().keeping(form.roadAddress()), errors, 400);
        }
        try {
            AddressMatches found = AddressMatches.found(calls.call(() -> addresses.search(form.addressQuery())));
            return render(form, members, found.keeping(form.roadAddress()), errors, 200);
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), SEARCH_FIELDS, ctx.english(), msg.err_search());
            return render(form, members, AddressMatches.none().keeping(form.roadAddress()), errors, e.status());
        } catch (ServiceUnavailableException e) {
            errors.unavailable(PortalService.RESIDENCY);
            return render(form, members, AddressMatches.none().keeping(form.roadAddress()), errors,
                    Response.Status.SERVICE_UNAVAILABLE.getStatusCode());
        }
    }

    /**
     * The matches shown again with a form that comes back with errors: the same search once more, so the choice is
     * seen among its neighbours as before. When it cannot run (residency silent, the query refused) the choice alone
     * is offered; a silent residency is not asked again, the page has its answer already.
     */
    private AddressMatches matchesAgain(MoveInForm form, FormErrors errors) {
        if (form.mode() != MoveInMode.NEW_HOUSEHOLD || form.addressQuery().isEmpty() || errors.isUnavailable()) {
            return AddressMatches.none().keeping(form.roadAddress());
        }
        try {
            return AddressMatches.found(calls.call(() -> addresses.search(form.addressQuery())))
                    .keeping(form.roadAddress());
        } catch (ServiceRefusedException | ServiceUnavailableException e) {
            return AddressMatches.none().keeping(form.roadAddress());
        }
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

    private Response render(MoveInForm form, HouseholdMembers members, AddressMatches matches, FormErrors errors,
            int status) {
        return Response.status(status).entity(Templates.moveIn(form, members, matches, errors)).build();
    }
}
