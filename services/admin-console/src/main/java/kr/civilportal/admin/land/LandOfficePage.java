package kr.civilportal.admin.land;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import kr.civilportal.admin.AdminConsoleSettings;
import kr.civilportal.admin.AdminMessages;
import kr.civilportal.admin.Roles;
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
 * The land officer's console (토지 담당): find parcels by address, PNU or legal-dong code and lot, of one land
 * category (지목) or any, read one parcel with its owner history (names as the service gives them to land
 * officers), and record a change of owner (소유권 이전 등기), which the land-registry service appends.
 */
@Path("/admin/land")
@RolesAllowed(Roles.LAND)
public class LandOfficePage {

    static final PortalService SERVICE = PortalService.LAND_REGISTRY;
    /** Officers work in Korean time: "today" for the date of a change is Korea's. */
    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");
    /** Service field names (problem+json errors[].field) to the search form's. */
    private static final Map<String, String> SEARCH_FIELDS = Map.of("lot", "lot", "landCategory", "category", "*", "q");
    /** Service field names to the owner-change form's (the same names; the PNU is the page's, not a field). */
    private static final Map<String, String> CHANGE_FIELDS = Map.of("ownerName", "ownerName", "share", "share",
            "changedOn", "changedOn", "cause", "cause");

    /** The search form as sent, and its results. */
    public record Search(SearchBy by, String q, String lot, LandCategory category, Parcel.Page results,
            int pageSize) {
        public List<SearchBy> criteria() {
            return Arrays.asList(SearchBy.values());
        }

        public List<LandCategory> categories() {
            return Arrays.asList(LandCategory.values());
        }

        public long pages() {
            return results == null ? 0 : (results.total() + pageSize - 1) / pageSize;
        }

        public int pageShown() {
            return results == null ? 1 : results.page() + 1;
        }

        /** A results page's address, or null when there is no such page. */
        public String pageUrl(int page) {
            if (results == null || page < 0 || (long) page * pageSize >= results.total()) {
                return null;
            }
            return "/admin/land?asked=true&by=" + by.param() + "&q=" + encode(q)
                    + (lot.isEmpty() ? "" : "&lot=" + encode(lot))
                    + (category == null ? "" : "&category=" + category.code()) + "&page=" + page;
        }

        public String previousUrl() {
            return results == null ? null : pageUrl(results.page() - 1);
        }

        public String nextUrl() {
            return results == null ? null : pageUrl(results.page() + 1);
        }
    }

    @CheckedTemplate(basePath = "admin", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance landSearch(Search search, FormErrors errors);

        static native TemplateInstance landParcel(String pnu, Parcel parcel, OwnerChangeForm form, FormErrors errors,
                boolean recorded, String idempotencyKey, String today);
    }

    private final LandOfficeClient land;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final int pageSize;

    LandOfficePage(@RestClient LandOfficeClient land, ServiceCalls calls, PageContext ctx,
            AdminConsoleSettings settings) {
        this.land = land;
        this.calls = calls;
        this.ctx = ctx;
        this.pageSize = settings.land().pageSize();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response search(@QueryParam("by") String by, @QueryParam("q") String query, @QueryParam("lot") String lot,
            @QueryParam("category") String category, @QueryParam("page") int page,
            @QueryParam("asked") boolean asked) {
        AdminMessages msg = msg();
        SearchBy criterion = SearchBy.of(by);
        String q = FormFields.trimmed(query);
        String lotNumber = FormFields.trimmed(lot);
        LandCategory landCategory = LandCategory.ofCode(category).orElse(null);
        FormErrors errors = new FormErrors();
        Search form = new Search(criterion, q, lotNumber, landCategory, null, pageSize);
        // "asked": the form was sent (an empty field may arrive as no parameter at all).
        if (!asked && q.isEmpty()) {
            return Response.ok(Templates.landSearch(form, errors)).build();
        }
        if (q.isEmpty()) {
            errors.add("q", queryMissing(criterion).apply(msg));
            return Response.status(400).entity(Templates.landSearch(form, errors)).build();
        }
        if (criterion != SearchBy.DONG && !lotNumber.isEmpty()) {
            errors.add("lot", msg.land_err_lot_only_dong());
            return Response.status(400).entity(Templates.landSearch(form, errors)).build();
        }
        try {
            Parcel.Page found = calls.call(() -> land.search(criterion == SearchBy.PNU ? q : null,
                    criterion == SearchBy.DONG ? q : null,
                    criterion == SearchBy.DONG && !lotNumber.isEmpty() ? lotNumber : null,
                    criterion == SearchBy.ADDRESS ? q : null, landCategory == null ? null : landCategory.code(),
                    Math.max(page, 0), pageSize));
            return Response.ok(Templates.landSearch(new Search(criterion, q, lotNumber, landCategory, found, pageSize),
                    errors)).build();
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), SEARCH_FIELDS, ctx.english(), msg.admin_err_refused());
            return Response.status(e.status()).entity(Templates.landSearch(form, errors)).build();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(SERVICE);
            return Response.status(503).entity(Templates.landSearch(form, errors)).build();
        }
    }

    static Function<AdminMessages, String> queryMissing(SearchBy by) {
        return switch (by) {
            case ADDRESS -> AdminMessages::land_err_query_address;
            case PNU -> AdminMessages::land_err_query_pnu;
            case DONG -> AdminMessages::land_err_query_dong;
        };
    }

    @GET
    @Path("parcels/{pnu}")
    @Produces(MediaType.TEXT_HTML)
    public Response parcel(@PathParam("pnu") String pnu, @QueryParam("recorded") boolean recorded) {
        return render(pnu, OwnerChangeForm.empty(), new FormErrors(), recorded, UUID.randomUUID().toString(), 200);
    }

    @POST
    @Path("parcels/{pnu}/owners")
    @Produces(MediaType.TEXT_HTML)
    public Response recordOwnerChange(@PathParam("pnu") String pnu, @RestForm String ownerName,
            @RestForm String share, @RestForm String changedOn, @RestForm String cause,
            @RestForm String idempotencyKey) {
        AdminMessages msg = msg();
        OwnerChangeForm form = new OwnerChangeForm(ownerName, share, changedOn, cause);
        // A refused or unsent form keeps its key: sending it again is still the same change.
        String key = FormFields.orNew(idempotencyKey);
        FormErrors errors = new FormErrors();
        form.problems(LocalDate.now(KOREA)).forEach((field, message) -> errors.add(field, message.apply(msg)));
        if (errors.any()) {
            return render(pnu, form, errors, false, key, 400);
        }
        return calls.submit(SERVICE, errors, CHANGE_FIELDS, msg.admin_err_refused(), () -> {
            land.recordOwnerChange(key, pnu, form.request()).close();
            return URI.create(parcelPath(pnu) + "?recorded=true");
        }, status -> render(pnu, form, errors, false, key, status));
    }

    private Response render(String pnu, OwnerChangeForm form, FormErrors errors, boolean recorded, String key,
            int status) {
        String today = LocalDate.now(KOREA).toString();
        try {
            Parcel parcel = calls.call(() -> land.parcel(pnu));
            return Response.status(status).entity(Templates.landParcel(pnu, parcel, form, errors, recorded, key, today))
                    .build();
        } catch (ServiceRefusedException e) {
            return Response.status(e.status() == 400 ? 400 : 404)
                    .entity(Templates.landParcel(pnu, null, form, errors, false, key, today)).build();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(SERVICE);
            return Response.status(503).entity(Templates.landParcel(pnu, null, form, errors, false, key, today)).build();
        }
    }

    private AdminMessages msg() {
        return ctx.messages(AdminMessages.class);
    }

    private static String parcelPath(String pnu) {
        return "/admin/land/parcels/" + encode(pnu);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
