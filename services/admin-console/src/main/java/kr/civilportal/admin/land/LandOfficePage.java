package kr.civilportal.admin.land;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.admin.AdminAccess;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.OncePerKey;
import kr.civilportal.web.page.PageContext;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The land officer's console (토지 담당): find parcels by address, PNU or legal-dong code and lot, of one land
 * category (지목) or any, read one
 * parcel with its owner history (names as the service gives them to land officers), and record a change of
 * owner (소유권 이전 등기), which the land-registry service appends to the history.
 */
@Path("/admin/land")
@Authenticated
public class LandOfficePage {

    static final String ROLE = "land-officer";
    static final String SERVICE = "land-registry";
    /** How an officer looks for parcels: the service's three search criteria. */
    static final List<String> CRITERIA = List.of("address", "pnu", "dong");
    /** The 28 official land categories (지목), by code: 01 전 .. 28 잡종지 (land-registry V1 land_category). */
    static final List<String> LAND_CATEGORIES = java.util.stream.IntStream.rangeClosed(1, 28)
            .mapToObj(code -> String.format("%02d", code)).toList();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Officers work in Korean time: "today" for the date of a change is Korea's. */
    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");
    /** Service field names (problem+json errors[].field) to the search form's. */
    private static final Map<String, String> SEARCH_FIELDS = Map.of("lot", "lot", "landCategory", "category", "*", "q");
    /** Service field names to the owner-change form's (the same names; the PNU is the page's, not a field). */
    private static final Map<String, String> CHANGE_FIELDS = Map.of("ownerName", "ownerName", "share", "share",
            "changedOn", "changedOn", "cause", "cause");

    private final Template search;
    private final Template parcel;
    private final LandOfficeClient land;
    private final ServiceCalls calls;
    private final AdminAccess access;
    private final PageContext ctx;
    private final OncePerKey once;
    private final SecurityIdentity identity;
    private final int pageSize;

    LandOfficePage(@Location("admin/land-search.html") Template search,
            @Location("admin/land-parcel.html") Template parcel, @RestClient LandOfficeClient land, ServiceCalls calls,
            AdminAccess access, PageContext ctx, OncePerKey once, SecurityIdentity identity,
            @ConfigProperty(name = "portal.web.admin.land.page-size") int pageSize) {
        this.search = search;
        this.parcel = parcel;
        this.land = land;
        this.calls = calls;
        this.access = access;
        this.ctx = ctx;
        this.once = once;
        this.identity = identity;
        this.pageSize = pageSize;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response search(@QueryParam("by") String by, @QueryParam("q") String query, @QueryParam("lot") String lot,
            @QueryParam("category") String category, @QueryParam("page") int page,
            @QueryParam("asked") boolean asked) {
        access.require(ROLE);
        String criterion = by != null && CRITERIA.contains(by) ? by : "address";
        String q = query == null ? "" : query.strip();
        String lotNumber = lot == null ? "" : lot.strip();
        int pageNumber = Math.max(page, 0);
        String landCategory = category != null && LAND_CATEGORIES.contains(category) ? category : "";
        FormErrors errors = new FormErrors();
        TemplateInstance view = search.data("by", criterion).data("q", q).data("lot", lotNumber)
                .data("category", landCategory).data("categories", LAND_CATEGORIES)
                .data("criteria", CRITERIA).data("errors", errors);
        // "asked": the form was sent (an empty field may arrive as no parameter at all).
        if (!asked && q.isEmpty()) {
            return Response.ok(results(view, null, false)).build();
        }
        if (q.isEmpty()) {
            errors.add("q", ctx.text("land_err_query_" + criterion));
            return Response.status(400).entity(results(view, null, false)).build();
        }
        if (!"dong".equals(criterion) && !lotNumber.isEmpty()) {
            errors.add("lot", ctx.text("land_err_lot_only_dong"));
            return Response.status(400).entity(results(view, null, false)).build();
        }
        try {
            String bearer = calls.bearer();
            JsonNode found = calls.call(SERVICE, () -> land.search(bearer, "pnu".equals(criterion) ? q : null,
                    "dong".equals(criterion) ? q : null, "dong".equals(criterion) && !lotNumber.isEmpty() ? lotNumber : null,
                    "address".equals(criterion) ? q : null, landCategory.isEmpty() ? null : landCategory,
                    pageNumber, pageSize));
            String base = pageBase(criterion, q, lotNumber, landCategory);
            return Response.ok(results(view, found, false)
                    .data("previousUrl", pageUrl(base, found.path("page").asInt() - 1, found))
                    .data("nextUrl", pageUrl(base, found.path("page").asInt() + 1, found))).build();
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), SEARCH_FIELDS, ctx.english(), ctx.text("admin_err_refused"));
            return Response.status(e.status()).entity(results(view, null, false)).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(results(view, null, true)).build();
        }
    }

    private TemplateInstance results(TemplateInstance view, JsonNode found, boolean unavailable) {
        long total = found == null ? 0 : found.path("total").asLong();
        int page = found == null ? 0 : found.path("page").asInt();
        long pages = (total + pageSize - 1) / pageSize;
        return view.data("searched", found != null)
                .data("items", found == null ? List.of() : JSON.convertValue(found.path("items"), List.class))
                .data("total", total).data("page", page).data("pages", pages)
                .data("pageShown", page + 1).data("previousUrl", null).data("nextUrl", null)
                .data("unavailable", unavailable);
    }

    /** The search's address without the page number. */
    private static String pageBase(String criterion, String q, String lot, String category) {
        return "/admin/land?asked=true&by=" + criterion + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + (lot.isEmpty() ? "" : "&lot=" + URLEncoder.encode(lot, StandardCharsets.UTF_8))
                + (category.isEmpty() ? "" : "&category=" + category);
    }

    /** A results page's address, or null when there is no such page. */
    private String pageUrl(String base, int page, JsonNode found) {
        long total = found.path("total").asLong();
        if (page < 0 || (long) page * pageSize >= total) {
            return null;
        }
        return base + "&page=" + page;
    }

    @GET
    @Path("parcels/{pnu}")
    @Produces(MediaType.TEXT_HTML)
    public Response parcel(@PathParam("pnu") String pnu, @QueryParam("recorded") boolean recorded,
            @QueryParam("resend") boolean resend) {
        access.require(ROLE);
        FormErrors errors = new FormErrors();
        return render(pnu, OwnerChangeForm.empty(), errors, recorded, resend, 200);
    }

    @POST
    @Path("parcels/{pnu}/owners")
    @Produces(MediaType.TEXT_HTML)
    public Response recordOwnerChange(@PathParam("pnu") String pnu, @RestForm String ownerName,
            @RestForm String share, @RestForm String changedOn, @RestForm String cause,
            @RestForm String idempotencyKey) {
        access.require(ROLE);
        OwnerChangeForm form = new OwnerChangeForm(ownerName, share, changedOn, cause);
        FormErrors errors = new FormErrors();
        form.problems(LocalDate.now(KOREA)).forEach((field, key) -> errors.add(field, ctx.text(key)));
        if (errors.any()) {
            return render(pnu, form, errors, false, false, 400, idempotencyKey);
        }
        try {
            // A second click (or a resend after a slow answer) records the change once and shows the same page.
            URI done = once.run("land-owner:" + identity.getPrincipal().getName(), idempotencyKey, () -> {
                String bearer = calls.bearer();
                calls.call(SERVICE, () -> land.recordOwnerChange(bearer, pnu, form.body()));
                return URI.create(parcelPath(pnu) + "?recorded=true");
            });
            return Response.seeOther(done).build();
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), CHANGE_FIELDS, ctx.english(), ctx.text("admin_err_refused"));
            return render(pnu, form, errors, false, false, e.status(), idempotencyKey);
        } catch (ServiceUnavailableException e) {
            return render(pnu, form, errors, false, false, 503, idempotencyKey);
        }
    }

    /**
     * The form's address reached with GET: the web session had ended when the form was sent, the login took the
     * officer through Keycloak and back here, and the form's values did not survive that round trip. Back to
     * the parcel, saying so, so the officer sends it again (nothing was recorded).
     */
    @GET
    @Path("parcels/{pnu}/owners")
    @Produces(MediaType.TEXT_HTML)
    public Response afterSessionExpired(@PathParam("pnu") String pnu) {
        access.require(ROLE);
        return Response.seeOther(URI.create(parcelPath(pnu) + "?resend=true")).build();
    }

    private Response render(String pnu, OwnerChangeForm form, FormErrors errors, boolean recorded, boolean resend,
            int status) {
        return render(pnu, form, errors, recorded, resend, status, UUID.randomUUID().toString());
    }

    private Response render(String pnu, OwnerChangeForm form, FormErrors errors, boolean recorded, boolean resend,
            int status, String idempotencyKey) {
        // A refused or unsent form keeps its key: sending it again is still the same change.
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
        TemplateInstance view = parcel.data("pnu", pnu).data("form", form).data("errors", errors)
                .data("recorded", recorded).data("resend", resend).data("causes", OwnerChangeForm.CAUSES)
                .data("idempotencyKey", key).data("today", LocalDate.now(KOREA).toString());
        try {
            String bearer = calls.bearer();
            JsonNode found = calls.call(SERVICE, () -> land.parcel(bearer, pnu));
            return Response.status(status).entity(view.data("parcel", JSON.convertValue(found, Map.class))
                    .data("unavailable", false)).build();
        } catch (ServiceRefusedException e) {
            return Response.status(e.status() == 400 ? 400 : 404).entity(view.data("parcel", null)
                    .data("unavailable", false)).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(view.data("parcel", null).data("unavailable", true)).build();
        }
    }

    private static String parcelPath(String pnu) {
        return "/admin/land/parcels/" + URLEncoder.encode(pnu, StandardCharsets.UTF_8);
    }
}
