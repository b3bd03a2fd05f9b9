package kr.civilportal.citizen.movein;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

/** 전입신고: a citizen reports moving in, forming a new household or joining one; then follows it on /my. */
@Path("/my/move-in")
@Authenticated
public class MoveInPage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FIELDS = Map.of("mode", "mode", "address", "address",
            "movedInOn", "movedInOn", "headResidentRegistrationNumber", "headNumber", "relationToHead", "relation",
            "*", "mode");

    private final Template page;
    private final ResidencyClient residency;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final OncePerKey once;
    private final SecurityIdentity identity;

    MoveInPage(@Location("movein/move-in.html") Template page, @RestClient ResidencyClient residency,
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
    public Response show() {
        return render(new MoveInForm(), new FormErrors(), false, 200);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@RestForm String mode, @RestForm String address, @RestForm String movedInOn,
            @RestForm String headNumber, @RestForm String relation, @RestForm String idempotencyKey) {
        MoveInForm form = new MoveInForm();
        form.mode = value(mode);
        form.address = value(address);
        form.movedInOn = value(movedInOn);
        form.headNumber = value(headNumber);
        form.relation = value(relation);
        if (!value(idempotencyKey).isEmpty()) {
            form.idempotencyKey = idempotencyKey;
        }
        FormErrors errors = new FormErrors();
        if (form.mode == null || !MoveInForm.MODES.contains(form.mode)) {
            errors.add("mode", ctx.text("movein_err_mode"));
        }
        if (form.movedInOn.isEmpty()) {
            errors.add("movedInOn", ctx.text("movein_err_date"));
        }
        if ("NEW_HOUSEHOLD".equals(form.mode) && form.address.isEmpty()) {
            errors.add("address", ctx.text("movein_err_address"));
        }
        if ("JOIN_HOUSEHOLD".equals(form.mode)) {
            if (form.headNumber.isEmpty()) {
                errors.add("headNumber", ctx.text("movein_err_head"));
            }
            if (form.relation == null || !MoveInForm.RELATIONS.contains(form.relation)) {
                errors.add("relation", ctx.text("movein_err_relation"));
            }
        }
        if (errors.any()) {
            return render(form, errors, false, 400);
        }
        try {
            URI done = once.run(identity.getPrincipal().getName(), form.idempotencyKey, () -> {
                ObjectNode request = JSON.createObjectNode().put("mode", form.mode).put("movedInOn", form.movedInOn);
                if ("NEW_HOUSEHOLD".equals(form.mode)) {
                    request.put("address", form.address);
                } else {
                    request.put("headResidentRegistrationNumber", form.headNumber).put("relationToHead", form.relation);
                }
                String bearer = calls.bearer();
                calls.call("residency", () -> residency.fileMoveIn(bearer, request));
                return URI.create("/my?filed=move-in");
            });
            return Response.seeOther(done).build();
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), FIELDS, ctx.english(), ctx.text("movein_err_failed"));
            return render(form, errors, false, e.status() == 409 ? 409 : 400);
        } catch (ServiceUnavailableException e) {
            return render(form, errors, true, 503);
        }
    }

    private Response render(MoveInForm form, FormErrors errors, boolean unavailable, int status) {
        return Response.status(status)
                .entity(page.data("form", form).data("errors", errors).data("unavailable", unavailable)).build();
    }

    private static String value(String s) {
        return s == null ? "" : s.trim();
    }
}
