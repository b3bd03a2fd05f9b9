package kr.civilportal.citizen.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.PageContext;
import kr.civilportal.citizen.api.ResidencyClient;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * 진위확인: anyone checks a certificate's issuance number, no login. A GET form, so the result has an address
 * (the certificate's QR code can point here). The residency service limits guessing per client address; the
 * page passes the browser's address on as the gateway's proxy does.
 */
@Path("/verify")
public class VerificationPage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FIELDS = Map.of("issuanceNumber", "number", "*", "number");

    private final Template page;
    private final ResidencyClient residency;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final HttpServerRequest request;

    VerificationPage(@Location("verification/verify.html") Template page, @RestClient ResidencyClient residency,
            ServiceCalls calls, PageContext ctx, HttpServerRequest request) {
        this.page = page;
        this.residency = residency;
        this.calls = calls;
        this.ctx = ctx;
        this.request = request;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response verify(@QueryParam("number") String number, @QueryParam("asked") boolean asked) {
        FormErrors errors = new FormErrors();
        String entered = number == null ? "" : number.trim();
        if (number == null && !asked) {
            return Response.ok(render(entered, errors, null, false, false)).build();
        }
        if (entered.isEmpty()) {
            errors.add("number", ctx.text("verify_err_number"));
            return Response.status(400).entity(render(entered, errors, null, false, false)).build();
        }
        String normalised = entered.replace(" ", "");
        try {
            JsonNode result = calls.call("residency", () -> residency.verify(normalised, clientAddress()));
            return Response.ok(render(entered, errors, JSON.convertValue(result, Map.class), false, false)).build();
        } catch (ServiceRefusedException e) {
            if (e.status() == 404) {
                return Response.status(404).entity(render(entered, errors, null, true, false)).build();
            }
            if (e.status() == 429) {
                errors.add("number", ctx.text("verify_too_many"));
            } else {
                errors.addProblem(e.problem(), FIELDS, ctx.english(), ctx.text("verify_not_issued"));
            }
            return Response.status(e.status()).entity(render(entered, errors, null, false, false)).build();
        } catch (ServiceUnavailableException e) {
            return Response.status(503).entity(render(entered, errors, null, false, true)).build();
        }
    }

    private TemplateInstance render(String number, FormErrors errors, Map<?, ?> result, boolean notIssued,
            boolean unavailable) {
        return page.data("number", number).data("errors", errors).data("result", result)
                .data("notIssued", notIssued).data("unavailable", unavailable);
    }

    private String clientAddress() {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
