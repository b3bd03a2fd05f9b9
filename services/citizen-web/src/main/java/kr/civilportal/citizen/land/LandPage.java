package kr.civilportal.citizen.land;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.OncePerKey;
import kr.civilportal.web.page.PageContext;
import kr.civilportal.citizen.api.LandClient;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** 토지대장: find a parcel by its address, read it (owners masked), issue the extract and download its PDF. */
@Path("/my/land")
@Authenticated
public class LandPage {

    static final String SERVICE = "land-registry";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE_SIZE = 20;

    private final Template search;
    private final Template parcel;
    private final LandClient land;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final OncePerKey once;
    private final SecurityIdentity identity;

    LandPage(@Location("land/search.html") Template search, @Location("land/parcel.html") Template parcel,
            @RestClient LandClient land, ServiceCalls calls, PageContext ctx, OncePerKey once, SecurityIdentity identity) {
        this.search = search;
        this.parcel = parcel;
        this.land = land;
        this.calls = calls;
        this.ctx = ctx;
        this.once = once;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response search(@QueryParam("address") String address, @QueryParam("asked") boolean asked) {
        FormErrors errors = new FormErrors();
        String entered = address == null ? "" : address.trim();
        List<?> items = List.of();
        long total = 0;
        boolean unavailable = false;
        int status = 200;
        // "asked": the form was sent (an empty field may arrive as no parameter at all).
        if ((asked || address != null) && entered.isEmpty()) {
            errors.add("address", ctx.text("land_err_address"));
            status = 400;
        } else if (!entered.isEmpty()) {
            try {
                String bearer = calls.bearer();
                JsonNode page = calls.call(SERVICE, () -> land.search(bearer, entered, 0, PAGE_SIZE));
                items = JSON.convertValue(page.path("items"), List.class);
                total = page.path("total").asLong();
            } catch (ServiceRefusedException e) {
                errors.addProblem(e.problem(), Map.of("address", "address", "*", "address"), ctx.english(),
                        ctx.text("land_err_address"));
                status = 400;
            } catch (ServiceUnavailableException e) {
                unavailable = true;
                status = 503;
            }
        }
        return Response.status(status).entity(search.data("address", entered).data("errors", errors)
                .data("items", items).data("total", total).data("searched", !entered.isEmpty() && !errors.any() && !unavailable)
                .data("unavailable", unavailable)).build();
    }

    @GET
    @Path("parcels/{pnu}")
    @Produces(MediaType.TEXT_HTML)
    public Response parcel(@PathParam("pnu") String pnu, @QueryParam("issued") String issued,
            @QueryParam("resend") boolean resend) {
        try {
            String bearer = calls.bearer();
            JsonNode found = calls.call(SERVICE, () -> land.parcel(bearer, pnu));
            return Response.ok(parcel.data("parcel", JSON.convertValue(found, Map.class)).data("issued", issued)
                    .data("idempotencyKey", UUID.randomUUID().toString()).data("unavailable", false)
                    .data("resend", resend)).build();
        } catch (ServiceRefusedException e) {
            return Response.status(404).entity(parcel.data("parcel", null).data("issued", null)
                    .data("idempotencyKey", "").data("unavailable", false).data("resend", false)).build();
        } catch (ServiceUnavailableException e) {
            return unavailable();
        }
    }

    /** Issues an extract of the parcel (the page's form; the parcel in the address, see below). */
    @POST
    @Path("parcels/{pnu}/extracts")
    @Produces(MediaType.TEXT_HTML)
    public Response issueForParcel(@PathParam("pnu") String pnu, @RestForm String idempotencyKey) {
        return issue(pnu, idempotencyKey);
    }

    /**
     * The form's address reached with GET: the web session had ended when the form was sent, and the login took
     * the citizen through Keycloak and back here without the form (a 405 before). Back to the parcel, saying so.
     */
    @GET
    @Path("parcels/{pnu}/extracts")
    @Produces(MediaType.TEXT_HTML)
    public Response afterSessionExpired(@PathParam("pnu") String pnu) {
        return Response.seeOther(URI.create(parcelPath(pnu) + "?resend=true")).build();
    }

    /** The form's former address, for a parcel page opened before the form moved to the parcel's address. */
    @POST
    @Path("extracts")
    @Produces(MediaType.TEXT_HTML)
    public Response issue(@RestForm String pnu, @RestForm String idempotencyKey) {
        try {
            URI done = once.run(identity.getPrincipal().getName(), idempotencyKey, () -> {
                String bearer = calls.bearer();
                try (Response pdf = calls.call(SERVICE, () -> land.issueExtract(bearer, JSON.createObjectNode().put("pnu", pnu)))) {
                    return URI.create(parcelPath(pnu) + "?issued="
                            + URLEncoder.encode(pdf.getHeaderString("Issuance-Number"), StandardCharsets.UTF_8));
                }
            });
            return Response.seeOther(done).build();
        } catch (ServiceRefusedException e) {
            return parcel(pnu, null, false);
        } catch (ServiceUnavailableException e) {
            return unavailable();
        }
    }

    private Response unavailable() {
        return Response.status(503).entity(parcel.data("parcel", null).data("issued", null)
                .data("idempotencyKey", "").data("unavailable", true).data("resend", false)).build();
    }

    private static String parcelPath(String pnu) {
        return "/my/land/parcels/" + URLEncoder.encode(pnu, StandardCharsets.UTF_8);
    }

    @GET
    @Path("extracts/{number}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("number") String number) {
        try {
            String bearer = calls.bearer();
            Response upstream = calls.call(SERVICE, () -> land.extractPdf(bearer, number));
            return Response.ok(upstream.readEntity(byte[].class), "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"land-extract-" + number.replaceAll("[^0-9-]", "") + ".pdf\"")
                    .header("Cache-Control", "no-store").build();
        } catch (ServiceRefusedException e) {
            return Response.status(e.status()).type(MediaType.TEXT_PLAIN).entity(ctx.text("cert_err_pdf")).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).type(MediaType.TEXT_PLAIN).entity(ctx.text("unavailable_title_land-registry")).build();
        }
    }
}
