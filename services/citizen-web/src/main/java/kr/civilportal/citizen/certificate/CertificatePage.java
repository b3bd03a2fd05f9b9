package kr.civilportal.citizen.certificate;

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
import java.util.List;
import java.util.Map;
import kr.civilportal.citizen.CitizenMessages;
import kr.civilportal.web.page.FormFields;
import kr.civilportal.web.api.PortalService;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.PageContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** 주민등록표 등본/초본: request one, download its PDF at once or later from the list. */
@Path("/my/certificates")
@Authenticated
public class CertificatePage {

    static final PortalService SERVICE = PortalService.RESIDENCY;
    private static final Map<String, String> FIELDS = Map.of("kind", "kind", "*", "kind");

    @CheckedTemplate(basePath = "certificate", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance certificates(CertificateForm form, FormErrors errors, String issued,
                List<Certificate> certificates, boolean listUnavailable);
    }

    private final CertificateClient residency;
    private final ServiceCalls calls;
    private final PageContext ctx;

    CertificatePage(@RestClient CertificateClient residency, ServiceCalls calls, PageContext ctx) {
        this.residency = residency;
        this.calls = calls;
        this.ctx = ctx;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("issued") String issued) {
        return render(CertificateForm.empty(), new FormErrors(), issued, 200);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response issue(@RestForm String kind, @RestForm boolean includeFormerAddresses,
            @RestForm boolean showBackDigits, @RestForm String idempotencyKey) {
        CertificateKind chosen = FormFields.choice(CertificateKind.class, kind);
        CertificateForm form = new CertificateForm(chosen, includeFormerAddresses, showBackDigits,
                FormFields.orNew(idempotencyKey));
        FormErrors errors = new FormErrors();
        if (chosen == null) {
            errors.add("kind", ctx.messages(CitizenMessages.class).cert_err_kind());
            return render(form, errors, null, 400);
        }
        return calls.submit(SERVICE, errors, FIELDS, ctx.messages(CitizenMessages.class).cert_err_failed(), () -> {
            try (Response pdf = residency.issue(form.idempotencyKey(),
                    new CertificateClient.Request(chosen, includeFormerAddresses, showBackDigits))) {
                String number = IssuedDocument.number(pdf).orElseThrow(
                        () -> new ServiceUnavailableException("An issued certificate without its number", null));
                return URI.create("/my/certificates?issued=" + URLEncoder.encode(number, StandardCharsets.UTF_8));
            }
        }, status -> render(form, errors, null, status));
    }

    @GET
    @Path("{number}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("number") String number) {
        try (Response upstream = calls.call(() -> residency.pdf(number))) {
            return IssuedDocument.pdf(upstream.readEntity(byte[].class), "certificate", number);
        } catch (ServiceRefusedException e) {
            return Response.status(e.status()).type(MediaType.TEXT_PLAIN)
                    .entity(ctx.messages(CitizenMessages.class).cert_err_pdf()).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).type(MediaType.TEXT_PLAIN).entity(ctx.web().unavailable_title(SERVICE)).build();
        }
    }

    private Response render(CertificateForm form, FormErrors errors, String issued, int status) {
        List<Certificate> certificates = List.of();
        boolean listUnavailable = false;
        try {
            certificates = calls.call(residency::mine);
        } catch (ServiceUnavailableException e) {
            listUnavailable = true;
        } catch (ServiceRefusedException e) {
            errors.addGeneral(ctx.messages(CitizenMessages.class).cert_err_list());
        }
        int answered = listUnavailable && status == 200 ? 503 : status;
        if (listUnavailable) {
            errors.unavailable(SERVICE);
        }
        return Response.status(answered).entity(Templates.certificates(form, errors, issued, certificates,
                listUnavailable)).build();
    }
}
