package kr.civilportal.citizen.verification;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import kr.civilportal.citizen.CitizenMessages;
import kr.civilportal.web.api.PortalService;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.PageContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * 진위확인: anyone checks a certificate's issuance number, no login. A GET form, so the result has an address
 * (the certificate's QR code can point here).
 */
@Path("/verify")
public class VerificationPage {

    private static final Map<String, String> FIELDS = Map.of("issuanceNumber", "number", "*", "number");
    private static final int TOO_MANY = 429;

    @CheckedTemplate(basePath = "verification", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance verify(String number, FormErrors errors, Verification result, boolean notIssued);
    }

    private final VerificationClient residency;
    private final ServiceCalls calls;
    private final PageContext ctx;

    VerificationPage(@RestClient VerificationClient residency, ServiceCalls calls, PageContext ctx) {
        this.residency = residency;
        this.calls = calls;
        this.ctx = ctx;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response verify(@QueryParam("number") String number, @QueryParam("asked") boolean asked) {
        CitizenMessages msg = ctx.messages(CitizenMessages.class);
        FormErrors errors = new FormErrors();
        String entered = number == null ? "" : number.trim();
        if (number == null && !asked) {
            return Response.ok(Templates.verify(entered, errors, null, false)).build();
        }
        if (entered.isEmpty()) {
            errors.add("number", msg.verify_err_number());
            return Response.status(400).entity(Templates.verify(entered, errors, null, false)).build();
        }
        String normalised = entered.replace(" ", "");
        try {
            Verification result = calls.call(() -> residency.verify(normalised));
            return Response.ok(Templates.verify(entered, errors, result, false)).build();
        } catch (ServiceRefusedException e) {
            if (e.status() == 404) {
                return Response.status(404).entity(Templates.verify(entered, errors, null, true)).build();
            }
            if (e.status() == TOO_MANY) {
                errors.add("number", msg.verify_too_many());
            } else {
                errors.addProblem(e.problem(), FIELDS, ctx.english(), msg.verify_not_issued());
            }
            return Response.status(e.status()).entity(Templates.verify(entered, errors, null, false)).build();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(PortalService.RESIDENCY);
            return Response.status(503).entity(Templates.verify(entered, errors, null, false)).build();
        }
    }
}
