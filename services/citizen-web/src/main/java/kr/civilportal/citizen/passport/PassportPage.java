package kr.civilportal.citizen.passport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.OncePerKey;
import kr.civilportal.web.page.PageContext;
import kr.civilportal.citizen.api.PassportClient;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 여권 발급 신청 in three steps (choices, photo, review with the fee), each saved to the user's server-side
 * draft, then one submission. The passport service judges the photo (JPEG, size, proportions) when it is
 * attached to the submitted application; a refused photo is replaced on the application's page.
 */
@Path("/my/passport")
@Authenticated
public class PassportPage {

    static final String SERVICE = "passport";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(PassportPage.class);
    private static final Map<String, String> FIELDS = Map.of("kind", "kind", "validity", "validity",
            "pages", "pages", "photo", "photo", "*", "kind");

    private final Template choices;
    private final Template photoStep;
    private final Template review;
    private final Template draftsUnavailable;
    private final PassportDrafts drafts;
    private final PassportClient passport;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final OncePerKey once;
    private final SecurityIdentity identity;
    private final int maxPhotoBytes;

    PassportPage(@Location("passport/choices.html") Template choices,
            @Location("passport/photo.html") Template photoStep, @Location("passport/review.html") Template review,
            @Location("passport/drafts-unavailable.html") Template draftsUnavailable,
            PassportDrafts drafts, @RestClient PassportClient passport, ServiceCalls calls, PageContext ctx,
            OncePerKey once, SecurityIdentity identity,
            @ConfigProperty(name = "portal.web.passport.max-photo-bytes") int maxPhotoBytes) {
        this.choices = choices;
        this.photoStep = photoStep;
        this.review = review;
        this.draftsUnavailable = draftsUnavailable;
        this.drafts = drafts;
        this.passport = passport;
        this.calls = calls;
        this.ctx = ctx;
        this.once = once;
        this.identity = identity;
        this.maxPhotoBytes = maxPhotoBytes;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response showChoices(@QueryParam("resend") boolean resend) {
        boolean resumed = drafts.find(user()).isPresent();
        return Response.ok(choices.data("draft", drafts.findOrNew(user())).data("errors", new FormErrors())
                .data("resumed", resumed && !resend).data("resend", resend)).build();
    }

    /**
     * A step's address reached with GET: the web session had ended when its form was sent, and the login took the
     * citizen through Keycloak and back here without the form (a 405 before). Back to the step, saying so; the
     * draft still holds what earlier steps saved.
     */
    @GET
    @Path("choices")
    @Produces(MediaType.TEXT_HTML)
    public Response choicesAfterSessionExpired() {
        return Response.seeOther(URI.create("/my/passport?resend=true")).build();
    }

    @GET
    @Path("submission")
    @Produces(MediaType.TEXT_HTML)
    public Response submissionAfterSessionExpired() {
        return Response.seeOther(URI.create("/my/passport/review?resend=true")).build();
    }

    @GET
    @Path("applications/{id}/photo")
    @Produces(MediaType.TEXT_HTML)
    public Response replacedPhotoAfterSessionExpired(@PathParam("id") String id) {
        return Response.seeOther(URI.create("/my/petitions/passport/" + URLEncoder.encode(id, StandardCharsets.UTF_8)))
                .build();
    }

    @POST
    @Path("choices")
    @Produces(MediaType.TEXT_HTML)
    public Response saveChoices(@RestForm String kind, @RestForm String validity, @RestForm String pages) {
        PassportDraft draft = drafts.findOrNew(user());
        draft.kind = kind == null ? "" : kind;
        draft.validity = validity == null ? "" : validity;
        draft.pages = pages == null ? "" : pages;
        FormErrors errors = new FormErrors();
        if (draft.kind == null || !PassportDraft.KINDS.contains(draft.kind)) {
            errors.add("kind", ctx.text("pass_err_kind"));
        }
        if (draft.validity == null || !PassportDraft.VALIDITIES.contains(draft.validity)) {
            errors.add("validity", ctx.text("pass_err_validity"));
        }
        if (draft.pages == null || !PassportDraft.PAGES.contains(draft.pages)) {
            errors.add("pages", ctx.text("pass_err_pages"));
        }
        drafts.save(user(), draft);
        if (errors.any()) {
            return Response.status(400).entity(choices.data("draft", draft).data("errors", errors).data("resumed", false)
                    .data("resend", false)).build();
        }
        return Response.seeOther(URI.create("/my/passport/photo")).build();
    }

    @GET
    @Path("photo")
    @Produces(MediaType.TEXT_HTML)
    public Response showPhoto() {
        PassportDraft draft = drafts.findOrNew(user());
        if (!draft.choicesComplete()) {
            return Response.seeOther(URI.create("/my/passport")).build();
        }
        return Response.ok(photoStep.data("draft", draft).data("errors", new FormErrors())).build();
    }

    @POST
    @Path("photo")
    @Produces(MediaType.TEXT_HTML)
    public Response savePhoto(@RestForm("photo") FileUpload photo) {
        PassportDraft draft = drafts.findOrNew(user());
        FormErrors errors = new FormErrors();
        boolean sent = photo != null && photo.size() > 0;
        if (!sent && !draft.hasPhoto()) {
            errors.add("photo", ctx.text("pass_err_photo"));
        } else if (sent && photo.size() > maxPhotoBytes) {
            errors.add("photo", ctx.text("pass_err_photo_size"));
        } else if (sent) {
            draft.photo = read(photo);
            draft.photoName = photo.fileName();
        }
        drafts.save(user(), draft);
        if (errors.any()) {
            return Response.status(400).entity(photoStep.data("draft", draft).data("errors", errors)).build();
        }
        return Response.seeOther(URI.create("/my/passport/review")).build();
    }

    @GET
    @Path("review")
    @Produces(MediaType.TEXT_HTML)
    public Response showReview(@QueryParam("resend") boolean resend) {
        PassportDraft draft = drafts.findOrNew(user());
        if (!draft.choicesComplete()) {
            return Response.seeOther(URI.create("/my/passport")).build();
        }
        if (!draft.hasPhoto()) {
            return Response.seeOther(URI.create("/my/passport/photo")).build();
        }
        return reviewPage(draft, new FormErrors(), 200, resend);
    }

    @POST
    @Path("submission")
    @Produces(MediaType.TEXT_HTML)
    public Response submit() {
        PassportDraft draft = drafts.findOrNew(user());
        if (!draft.choicesComplete() || !draft.hasPhoto()) {
            return Response.seeOther(URI.create("/my/passport")).build();
        }
        FormErrors errors = new FormErrors();
        try {
            URI done = once.run(user(), draft.idempotencyKey, () -> {
                String bearer = calls.bearer();
                ObjectNode request = JSON.createObjectNode().put("kind", draft.kind).put("validity", draft.validity)
                        .put("pages", Integer.parseInt(draft.pages));
                // The draft's key goes to passport too: OncePerKey catches a double click on this replica, passport
                // itself a resend that reaches another citizen-web replica, or a retry after a lost answer.
                JsonNode application = calls.call(SERVICE, () -> passport.apply(bearer, draft.idempotencyKey, request));
                String id = application.path("id").asText();
                try {
                    drafts.discard(user());
                } catch (DraftsUnavailableException e) {
                    // Submitted all the same: the citizen sees their application; the draft expires with the retention.
                    LOG.warnf("Passport application %s submitted, but its draft could not be deleted: %s", id, e.getMessage());
                }
                try {
                    calls.call(SERVICE, () -> passport.uploadPhoto(bearer, id, draft.photo));
                    return URI.create("/my/petitions/passport/" + id + "?submitted=true");
                } catch (ServiceRefusedException e) {
                    String detail = e.problem().path("errors").path(0).path("detail").asText(
                            e.problem().path("detail").asText(""));
                    return URI.create("/my/petitions/passport/" + id + "?photoRefused="
                            + URLEncoder.encode(detail, StandardCharsets.UTF_8));
                }
            });
            return Response.seeOther(done).build();
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), FIELDS, ctx.english(), ctx.text("pass_err_failed"));
            return reviewPage(draft, errors, 400);
        } catch (ServiceUnavailableException e) {
            return reviewPage(draft, errors, 503);
        }
    }

    /** A new photo for a submitted application (after the service refused the first, or to change it). */
    @POST
    @Path("applications/{id}/photo")
    @Produces(MediaType.TEXT_HTML)
    public Response replacePhoto(@PathParam("id") String id, @RestForm("photo") FileUpload photo) {
        if (photo == null || photo.size() == 0) {
            return Response.seeOther(URI.create("/my/petitions/passport/" + id + "?photoRefused="
                    + URLEncoder.encode(ctx.text("pass_err_photo"), StandardCharsets.UTF_8))).build();
        }
        byte[] bytes = read(photo);
        try {
            String bearer = calls.bearer();
            calls.call(SERVICE, () -> passport.uploadPhoto(bearer, id, bytes));
            return Response.seeOther(URI.create("/my/petitions/passport/" + id + "?photoReplaced=true")).build();
        } catch (ServiceRefusedException e) {
            String detail = e.problem().path("errors").path(0).path("detail").asText(e.problem().path("detail").asText(""));
            return Response.seeOther(URI.create("/my/petitions/passport/" + id + "?photoRefused="
                    + URLEncoder.encode(detail, StandardCharsets.UTF_8))).build();
        } catch (ServiceUnavailableException e) {
            return Response.seeOther(URI.create("/my/petitions/passport/" + id)).build();
        }
    }

    private Response reviewPage(PassportDraft draft, FormErrors errors, int status) {
        return reviewPage(draft, errors, status, false);
    }

    private Response reviewPage(PassportDraft draft, FormErrors errors, int status, boolean resend) {
        Map<?, ?> fee = null;
        boolean unavailable = status == 503;
        try {
            String bearer = calls.bearer();
            JsonNode quote = calls.call(SERVICE, () -> passport.fee(bearer, draft.kind, draft.validity,
                    Integer.parseInt(draft.pages)));
            fee = JSON.convertValue(quote, Map.class);
        } catch (ServiceUnavailableException e) {
            unavailable = true;
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), FIELDS, ctx.english(), ctx.text("pass_err_failed"));
        }
        return Response.status(unavailable ? 503 : status).entity(review.data("draft", draft).data("errors", errors)
                .data("fee", fee).data("unavailable", unavailable).data("resend", resend)).build();
    }

    /** citizen-web's own database (drafts) is down: the application cannot be kept, so the page says so plainly. */
    @ServerExceptionMapper
    Response draftsUnavailable(DraftsUnavailableException e) {
        return Response.status(503).type(MediaType.TEXT_HTML_TYPE).entity(draftsUnavailable.instance()).build();
    }

    /**
     * Whose draft: the token's subject, stable for a person (the principal's name is the Keycloak user name,
     * which an administrator may change).
     */
    private String user() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    private static byte[] read(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
