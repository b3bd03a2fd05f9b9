package kr.civilportal.citizen.land;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.citizen.CitizenMessages;
import kr.civilportal.citizen.CitizenWebSettings;
import kr.civilportal.citizen.certificate.IssuedDocument;
import kr.civilportal.web.api.PortalService;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.FormFields;
import kr.civilportal.web.page.PageContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** 토지대장: find a parcel by its address, read it (owners masked), issue the extract and download its PDF. */
@Path("/my/land")
@Authenticated
public class LandPage {

    static final PortalService SERVICE = PortalService.LAND_REGISTRY;
    private static final Map<String, String> FIELDS = Map.of("address", "address", "*", "address");

    @CheckedTemplate(basePath = "land", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance search(String address, FormErrors errors, Parcel.Page results);

        static native TemplateInstance parcel(Parcel parcel, String issued, String idempotencyKey, FormErrors errors);
    }

    private final LandClient land;
    private final ExtractClient extracts;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final int pageSize;

    LandPage(@RestClient LandClient land, @RestClient ExtractClient extracts, ServiceCalls calls, PageContext ctx,
            CitizenWebSettings settings) {
        this.land = land;
        this.extracts = extracts;
        this.calls = calls;
        this.ctx = ctx;
        this.pageSize = settings.land().pageSize();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response search(@QueryParam("address") String address, @QueryParam("asked") boolean asked) {
        CitizenMessages msg = ctx.messages(CitizenMessages.class);
        FormErrors errors = new FormErrors();
        String entered = FormFields.trimmed(address);
        // "asked": the form was sent (an empty field may arrive as no parameter at all).
        if ((asked || address != null) && entered.isEmpty()) {
            errors.add("address", msg.land_err_address());
            return Response.status(400).entity(Templates.search(entered, errors, null)).build();
        }
        if (entered.isEmpty()) {
            return Response.ok(Templates.search(entered, errors, null)).build();
        }
        try {
            Parcel.Page results = calls.call(() -> land.search(entered, 0, pageSize));
            return Response.ok(Templates.search(entered, errors, results)).build();
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), FIELDS, ctx.english(), msg.land_err_address());
            return Response.status(400).entity(Templates.search(entered, errors, null)).build();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(SERVICE);
            return Response.status(503).entity(Templates.search(entered, errors, null)).build();
        }
    }

    @GET
    @Path("parcels/{pnu}")
    @Produces(MediaType.TEXT_HTML)
    public Response parcel(@PathParam("pnu") String pnu, @QueryParam("issued") String issued) {
        return render(pnu, issued, UUID.randomUUID().toString(), new FormErrors(), 200);
    }

    /** Issues an extract of the parcel; a resend with the form's key gets the same extract. */
    @POST
    @Path("parcels/{pnu}/extracts")
    @Produces(MediaType.TEXT_HTML)
    public Response issue(@PathParam("pnu") String pnu, @RestForm String idempotencyKey) {
        String key = FormFields.orNew(idempotencyKey);
        FormErrors errors = new FormErrors();
        return calls.submit(SERVICE, errors, Map.of(), ctx.messages(CitizenMessages.class).land_err_issue(), () -> {
            try (Response pdf = extracts.issue(key, new ExtractClient.ExtractRequest(pnu))) {
                String number = IssuedDocument.number(pdf).orElseThrow(
                        () -> new ServiceUnavailableException("An issued extract without its number", null));
                return URI.create(parcelPath(pnu) + "?issued=" + URLEncoder.encode(number, StandardCharsets.UTF_8));
            }
        }, status -> render(pnu, null, key, errors, status));
    }

    @GET
    @Path("extracts/{number}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("number") String number) {
        try (Response upstream = calls.call(() -> extracts.pdf(number))) {
            return IssuedDocument.pdf(upstream.readEntity(byte[].class), "land-extract", number);
        } catch (ServiceRefusedException e) {
            return Response.status(e.status()).type(MediaType.TEXT_PLAIN)
                    .entity(ctx.messages(CitizenMessages.class).cert_err_pdf()).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).type(MediaType.TEXT_PLAIN).entity(ctx.web().unavailable_title(SERVICE)).build();
        }
    }

    private Response render(String pnu, String issued, String key, FormErrors errors, int status) {
        try {
            Parcel parcel = calls.call(() -> land.parcel(pnu));
            return Response.status(status).entity(Templates.parcel(parcel, issued, key, errors)).build();
        } catch (ServiceRefusedException e) {
            return Response.status(404).entity(Templates.parcel(null, null, key, errors)).build();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(SERVICE);
            return Response.status(503).entity(Templates.parcel(null, null, key, errors)).build();
        }
    }

    private static String parcelPath(String pnu) {
        return "/my/land/parcels/" + URLEncoder.encode(pnu, StandardCharsets.UTF_8);
    }
}
