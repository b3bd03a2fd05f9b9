package kr.civilportal.citizen.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;
import java.util.Map;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.OncePerKey;
import kr.civilportal.web.page.PageContext;
import kr.civilportal.citizen.api.ResidencyClient;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** 주민등록표 등본/초본: request one, download its PDF at once or later from the list. */
@Path("/my/certificates")
@Authenticated
public class CertificatePage {

    static final String SERVICE = "residency";
    static final List<String> KINDS = List.of("HOUSEHOLD", "PERSONAL_HISTORY");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FIELDS = Map.of("kind", "kind", "*", "kind");

    private final Template page;
    private final ResidencyClient residency;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final OncePerKey once;
    private final SecurityIdentity identity;

    CertificatePage(@Location("certificate/certificates.html") Template page, @RestClient ResidencyClient residency,
            ServiceCalls calls, PageContext ctx, OncePerKey once, SecurityIdentity identity) {
        this.page = page;
        this.residency = residency;
        this.calls = calls;
        this.ctx = ctx;
        this.once = once;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("issued") String issued) {
        return render(new CertificateForm(), new FormErrors(), issued, 200);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response issue(@RestForm String kind, @RestForm String includeFormerAddresses,
            @RestForm String showBackDigits, @RestForm String idempotencyKey) {
        CertificateForm form = new CertificateForm();
        form.kind = kind == null ? "" : kind;
        form.includeFormerAddresses = "true".equals(includeFormerAddresses);
        form.showBackDigits = "true".equals(showBackDigits);
        form.idempotencyKey = idempotencyKey == null || idempotencyKey.isBlank() ? form.idempotencyKey : idempotencyKey;
        FormErrors errors = new FormErrors();
        if (form.kind == null || !KINDS.contains(form.kind)) {
            errors.add("kind", ctx.text("cert_err_kind"));
            return render(form, errors, null, 400);
        }
        try {
            URI done = once.run(identity.getPrincipal().getName(), form.idempotencyKey, () -> {
                ObjectNode request = JSON.createObjectNode().put("kind", form.kind)
                        .put("includeFormerAddresses", form.includeFormerAddresses)
                        .put("showBackDigits", form.showBackDigits);
                String bearer = calls.bearer();
                try (Response pdf = calls.call(SERVICE, () -> residency.issueCertificate(bearer, request))) {
                    String number = pdf.getHeaderString("Issuance-Number");
                    return URI.create("/my/certificates?issued=" + URLEncoder.encode(number, StandardCharsets.UTF_8));
                }
            });
            return Response.seeOther(done).build();
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), FIELDS, ctx.english(), ctx.text("cert_err_failed"));
            return render(form, errors, null, 400);
        } catch (ServiceUnavailableException e) {
            return render(form, errors, null, 503);
        }
    }

    @GET
    @Path("{number}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("number") String number) {
        try {
            String bearer = calls.bearer();
            Response upstream = calls.call(SERVICE, () -> residency.certificatePdf(bearer, number));
            byte[] bytes = upstream.readEntity(byte[].class);
            return Response.ok(bytes, "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"certificate-" + number.replaceAll("[^0-9-]", "") + ".pdf\"")
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (ServiceRefusedException e) {
            return Response.status(e.status()).type(MediaType.TEXT_PLAIN).entity(ctx.text("cert_err_pdf")).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).type(MediaType.TEXT_PLAIN).entity(ctx.text("unavailable_title_residency")).build();
        }
    }

    private Response render(CertificateForm form, FormErrors errors, String issued, int status) {
        List<?> certificates = List.of();
        boolean unavailable = false;
        try {
            String bearer = calls.bearer();
            JsonNode list = calls.call(SERVICE, () -> residency.certificates(bearer));
            certificates = JSON.convertValue(list, List.class);
        } catch (ServiceUnavailableException e) {
            unavailable = true;
        } catch (ServiceRefusedException e) {
            errors.addGeneral(ctx.text("cert_err_list"));
        }
        TemplateInstance instance = page.data("form", form).data("errors", errors).data("issued", issued)
                .data("certificates", certificates).data("unavailable", unavailable);
        return Response.status(unavailable ? 503 : status).entity(instance).build();
    }
}
