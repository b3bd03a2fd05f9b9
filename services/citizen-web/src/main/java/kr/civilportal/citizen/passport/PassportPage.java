package kr.civilportal.citizen.passport;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.citizen.CitizenMessages;
import kr.civilportal.citizen.CitizenWebSettings;
import kr.civilportal.web.api.ApiProblem;
import kr.civilportal.web.api.PortalService;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.FormFields;
import kr.civilportal.web.page.PageContext;
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

    static final PortalService SERVICE = PortalService.PASSPORT;
    private static final Logger LOG = Logger.getLogger(PassportPage.class);
    private static final Map<String, String> FIELDS = Map.of("kind", "kind", "validity", "validity",
            "pages", "pages", "photo", "photo", "office", "office", "payment", "payment", "*", "kind");
    /** The photo's key is the application's, told apart: the same submission uploads the same photo once. */
    private static final String PHOTO_KEY_SUFFIX = "-photo";

    @CheckedTemplate(basePath = "passport", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance choices(PassportDraft draft, FormErrors errors, boolean resumed);

        static native TemplateInstance photo(PassportDraft draft, FormErrors errors);

        static native TemplateInstance review(PassportDraft draft, FormErrors errors, Fee fee,
                List<ReceivingOffice> offices);

        static native TemplateInstance draftsUnavailable();
    }

    private final PassportDrafts drafts;
    private final PassportClient passport;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final int maxPhotoBytes;

    PassportPage(PassportDrafts drafts, @RestClient PassportClient passport, ServiceCalls calls, PageContext ctx,
            CitizenWebSettings settings) {
        this.drafts = drafts;
        this.passport = passport;
        this.calls = calls;
        this.ctx = ctx;
        this.maxPhotoBytes = settings.passport().maxPhotoBytes();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response showChoices() {
        boolean resumed = drafts.find(user()).isPresent();
        return Response.ok(Templates.choices(drafts.findOrNew(user()), new FormErrors(), resumed && !ctx.resend()))
                .build();
    }

    @POST
    @Path("choices")
    @Produces(MediaType.TEXT_HTML)
    public Response saveChoices(@RestForm String kind, @RestForm String validity, @RestForm String pages) {
        CitizenMessages msg = msg();
        PassportDraft draft = drafts.findOrNew(user());
        draft.kind = FormFields.trimmed(kind);
        draft.validity = FormFields.trimmed(validity);
        draft.pages = FormFields.trimmed(pages);
        FormErrors errors = new FormErrors();
        if (draft.kindChosen() == null) {
            errors.add("kind", msg.pass_err_kind());
        }
        if (draft.validityChosen() == null) {
            errors.add("validity", msg.pass_err_validity());
        }
        if (!PassportDraft.PAGES.contains(draft.pages)) {
            errors.add("pages", msg.pass_err_pages());
        }
        drafts.save(user(), draft);
        if (errors.any()) {
            return Response.status(400).entity(Templates.choices(draft, errors, false)).build();
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
        return Response.ok(Templates.photo(draft, new FormErrors())).build();
    }

    @POST
    @Path("photo")
    @Produces(MediaType.TEXT_HTML)
    public Response savePhoto(@RestForm("photo") FileUpload photo) {
        PassportDraft draft = drafts.findOrNew(user());
        FormErrors errors = new FormErrors();
        boolean sent = photo != null && photo.size() > 0;
        if (!sent && !draft.hasPhoto()) {
            errors.add("photo", msg().pass_err_photo());
        } else if (sent && photo.size() > maxPhotoBytes) {
            errors.add("photo", msg().pass_err_photo_size());
        } else if (sent) {
            draft.photo = read(photo);
            draft.photoName = photo.fileName();
        }
        drafts.save(user(), draft);
        if (errors.any()) {
            return Response.status(400).entity(Templates.photo(draft, errors)).build();
        }
        return Response.seeOther(URI.create("/my/passport/review")).build();
    }

    @GET
    @Path("review")
    @Produces(MediaType.TEXT_HTML)
    public Response showReview() {
        PassportDraft draft = drafts.findOrNew(user());
        if (!draft.choicesComplete()) {
            return Response.seeOther(URI.create("/my/passport")).build();
        }
        if (!draft.hasPhoto()) {
            return Response.seeOther(URI.create("/my/passport/photo")).build();
        }
        return reviewPage(draft, new FormErrors(), 200);
    }

    /**
     * Submits the draft with its key. The review form carries the key and the choices too: a second click or a
     * resend after the draft was already submitted (and deleted) asks passport again with the same key and
     * choices and gets its replay, the same application, instead of a second one.
     */
    @POST
    @Path("submission")
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@RestForm String idempotencyKey, @RestForm String kind, @RestForm String validity,
            @RestForm String pages, @RestForm String office, @RestForm String payment) {
        PassportDraft draft = drafts.find(user()).orElse(null);
        boolean stored = draft != null;
        if (draft == null) {
            draft = new PassportDraft();
            draft.kind = FormFields.trimmed(kind);
            draft.validity = FormFields.trimmed(validity);
            draft.pages = FormFields.trimmed(pages);
            draft.idempotencyKey = FormFields.orNew(idempotencyKey);
        }
        if (!draft.choicesComplete()) {
            return Response.seeOther(URI.create("/my/passport")).build();
        }
        draft.office = FormFields.trimmed(office);
        // A review page shown before the choice was offered sends none: it said the fee is paid at the office.
        draft.payment = payment == null ? PaymentMethod.AT_COUNTER.name() : FormFields.trimmed(payment);
        PassportDraft submitted = draft;
        FormErrors errors = new FormErrors();
        if (draft.paymentChosen() == null) {
            errors.add("payment", ctx.messages(PaymentMessages.class).err_method());
        }
        if (draft.office.isEmpty()) {
            // Said next to the field; passport is not asked (it would refuse, or send it to a default office).
            errors.add("office", ctx.messages(OfficeMessages.class).err());
        }
        if (errors.any()) {
            return reviewPage(keep(submitted, stored), errors, 400);
        }
        return calls.submit(SERVICE, errors, FIELDS, msg().pass_err_failed(), () -> {
            PassportApplication application = passport.apply(submitted.idempotencyKey, submitted.request());
            discard(application.id());
            if (!submitted.hasPhoto()) {
                return URI.create("/my/petitions/passport/" + application.id() + "?submitted=true");
            }
            try {
                calls.call(() -> passport.uploadPhoto(submitted.idempotencyKey + PHOTO_KEY_SUFFIX, application.id(),
                        submitted.photo)).close();
                return URI.create("/my/petitions/passport/" + application.id() + "?submitted=true");
            } catch (ServiceRefusedException e) {
                return URI.create("/my/petitions/passport/" + application.id() + "?photoRefused="
                        + URLEncoder.encode(photoProblem(e.problem()), StandardCharsets.UTF_8));
            }
        }, status -> status == 503 || submitted.hasPhoto() ? reviewPage(keep(submitted, stored), errors, status)
                : Response.seeOther(URI.create("/my/passport")).build());
    }

    /**
     * The draft with the fee's payment method chosen on the review step, saved when the form comes back (a refusal,
     * an outage), so the choice is still made when the citizen returns later. Not kept is said in the log only: the
     * page shows the choice all the same.
     */
    private PassportDraft keep(PassportDraft draft, boolean stored) {
        if (stored && draft.paymentChosen() != null) {
            try {
                drafts.save(user(), draft);
            } catch (DraftsUnavailableException e) {
                LOG.warnf("A passport draft's payment method could not be kept: %s", e.getMessage());
            }
        }
        return draft;
    }

    /** A new photo for a submitted application (after the service refused the first, or to change it). */
    @POST
    @Path("applications/{id}/photo")
    @Produces(MediaType.TEXT_HTML)
    public Response replacePhoto(@PathParam("id") UUID id, @RestForm("photo") FileUpload photo,
            @RestForm String idempotencyKey) {
        String detailPage = "/my/petitions/passport/" + id;
        if (photo == null || photo.size() == 0) {
            return Response.seeOther(URI.create(detailPage + "?photoRefused="
                    + URLEncoder.encode(msg().pass_err_photo(), StandardCharsets.UTF_8))).build();
        }
        byte[] bytes = read(photo);
        try {
            calls.call(() -> passport.uploadPhoto(FormFields.orNew(idempotencyKey), id, bytes)).close();
            return Response.seeOther(URI.create(detailPage + "?photoReplaced=true")).build();
        } catch (ServiceRefusedException e) {
            return Response.seeOther(URI.create(detailPage + "?photoRefused="
                    + URLEncoder.encode(photoProblem(e.problem()), StandardCharsets.UTF_8))).build();
        } catch (ServiceUnavailableException e) {
            return Response.seeOther(URI.create(detailPage)).build();
        }
    }

    private String photoProblem(ApiProblem problem) {
        return problem.errors().isEmpty() ? problem.detail(ctx.english()) : problem.errors().get(0).detail(ctx.english());
    }

    private void discard(UUID application) {
        try {
            drafts.discard(user());
        } catch (DraftsUnavailableException e) {
            // Submitted all the same: the citizen sees their application; the draft expires with the retention.
            LOG.warnf("Passport application %s submitted, but its draft could not be deleted: %s", application,
                    e.getMessage());
        }
    }

    private Response reviewPage(PassportDraft draft, FormErrors errors, int status) {
        Fee fee = null;
        List<ReceivingOffice> offices = List.of();
        try {
            fee = calls.call(() -> passport.fee(draft.kindChosen(), draft.validityChosen(), Integer.parseInt(draft.pages)));
            offices = ReceivingOffice.of(calls.call(passport::pickupSlots));
        } catch (ServiceUnavailableException e) {
            errors.unavailable(SERVICE);
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), FIELDS, ctx.english(), msg().pass_err_failed());
        }
        return Response.status(errors.isUnavailable() ? 503 : status)
                .entity(Templates.review(draft, errors, fee, offices)).build();
    }

    /** citizen-web's own database (drafts) is down: the application cannot be kept, so the page says so plainly. */
    @ServerExceptionMapper
    Response draftsUnavailable(DraftsUnavailableException e) {
        return Response.status(503).type(MediaType.TEXT_HTML_TYPE).entity(Templates.draftsUnavailable()).build();
    }

    private CitizenMessages msg() {
        return ctx.messages(CitizenMessages.class);
    }

    /**
     * Whose draft: the token's subject, stable for a person (the principal's name is the Keycloak user name,
     * which an administrator may change).
     */
    private String user() {
        return ctx.subject();
    }

    private static byte[] read(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
