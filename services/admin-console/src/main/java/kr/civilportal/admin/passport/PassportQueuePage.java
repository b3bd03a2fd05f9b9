package kr.civilportal.admin.passport;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.admin.AdminConsoleSettings;
import kr.civilportal.admin.AdminMessages;
import kr.civilportal.admin.Roles;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.web.api.PersonalDocumentDownload;
import kr.civilportal.web.api.PortalService;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.FormFields;
import kr.civilportal.web.page.PageContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The passport officer's queue (여권 심사): applications filtered by status and by identity-check state (본인
 * 확인), a page at a time; one application with its history; its photo, read with a reason that passport logs;
 * the officer's identity decision when residency could not settle the check; and the workflow's steps. The
 * passport service decides which step and which decision is allowed.
 */
@Path("/admin/passports")
@RolesAllowed(Roles.PASSPORT)
public class PassportQueuePage {

    static final PortalService SERVICE = PortalService.PASSPORT;
    static final List<Application.Status> STEPS = List.of(Application.Status.UNDER_REVIEW, Application.Status.APPROVED,
            Application.Status.REJECTED, Application.Status.SUPPLEMENT_REQUESTED, Application.Status.PRINTING,
            Application.Status.READY_FOR_PICKUP, Application.Status.ISSUED);
    private static final Map<String, String> FIELDS = Map.of("to", "to", "reason", "reason", "supplementDeadline",
            "supplementDeadline", "*", "to");
    private static final Map<String, String> SETTLE_FIELDS = Map.of("outcome", "outcome", "note", "note", "*", "note");
    /** Passport's field of a take-over, as the form names it (take and release send none). */
    private static final Map<String, String> TAKEOVER_FIELDS = Map.of("reason", "takeoverReason");
    /** As passport takes it (인계 사유). */
    static final int TAKEOVER_REASON_MAX = 200;

    /** The queue page: its filters and one page of applications. */
    public record Queue(Application.Status status, Application.IdentityCheck identityCheck, Application.Held held,
            Application.Page found, int pageSize, Application.Counts counts, LocalDate today) {
        public List<Application.Held> helds() {
            return Arrays.asList(Application.Held.values());
        }

        /** The queue's status filter: 결제 대기 is not offered, passport lists no such application. */
        public List<Application.Status> statuses() {
            return Arrays.stream(Application.Status.values()).filter(s -> s != Application.Status.AWAITING_PAYMENT)
                    .toList();
        }

        public List<Application.IdentityCheck> identityChecks() {
            return Arrays.asList(Application.IdentityCheck.values());
        }

        public long pages() {
            return found == null ? 0 : (found.total() + pageSize - 1) / pageSize;
        }

        public int pageShown() {
            return found == null ? 1 : found.page() + 1;
        }

        public String previousUrl() {
            return found != null && found.page() > 0 ? url(found.page() - 1) : null;
        }

        public String nextUrl() {
            return found != null && found.page() + 1 < pages() ? url(found.page() + 1) : null;
        }

        private String url(int page) {
            return "/admin/passports?status=" + status + (identityCheck == null ? "" : "&identityCheck=" + identityCheck)
                    + (held == null ? "" : "&held=" + held) + "&page=" + page;
        }
    }

    /** The step form as the officer filled it in. */
    public record Step(Application.Status to, String reason, String supplementDeadline, String idempotencyKey) {
        public List<Application.Status> steps() {
            return STEPS;
        }
    }

    /** The identity decision form (담당자 본인 확인) as the officer filled it in. */
    public record Settle(Application.Resolution outcome, String note, String idempotencyKey) {
        public List<Application.Resolution> outcomes() {
            return Arrays.asList(Application.Resolution.values());
        }
    }

    /**
     * The photo part of the page: the reason typed (열람 사유) and, once one was given, the address of the image,
     * whose fetch is the one logged read. The page itself never reads the photo, so a reload of the page without
     * the reason reads nothing.
     */
    public record Photo(String reason, String src) {
        static Photo notAsked() {
            return new Photo("", null);
        }
    }

    /**
     * What the detail page shows besides the application: the forms, what was just done, and who the official is
     * (to tell their own case from another officer's).
     */
    public record Detail(Step step, Settle settle, Photo photo, boolean moved, boolean settled, String holding,
            String officer, String takeoverReason) {
        Detail(Step step, Settle settle, Photo photo, boolean moved, boolean settled) {
            this(step, settle, photo, moved, settled, null, null, "");
        }

        Detail as(String officialName) {
            return new Detail(step, settle, photo, moved, settled, holding, officialName, takeoverReason);
        }

        /** The official holds the application. */
        public boolean mine(Application application) {
            return application.holder() != null && application.holder().officer().equals(officer);
        }

        /** Another officer holds it: this official's steps would be refused (409), so none is offered. */
        public boolean heldByAnother(Application application) {
            return application.holder() != null && !mine(application);
        }
    }

    @CheckedTemplate(basePath = "admin", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance passports(Queue queue, boolean unavailable);

        static native TemplateInstance passport(Application application, Detail detail, FormErrors errors);
    }

    private final PassportOfficeClient passport;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final SecurityIdentity identity;
    private final int pageSize;

    PassportQueuePage(@RestClient PassportOfficeClient passport, ServiceCalls calls, PageContext ctx,
            SecurityIdentity identity, AdminConsoleSettings settings) {
        this.passport = passport;
        this.calls = calls;
        this.ctx = ctx;
        this.identity = identity;
        this.pageSize = settings.passport().pageSize();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("status") String status, @QueryParam("identityCheck") String identityCheck,
            @QueryParam("held") String held, @QueryParam("page") int page) {
        Application.Status filter = FormFields.choice(Application.Status.class, status);
        Application.Status shown = filter == null ? Application.Status.SUBMITTED : filter;
        Application.IdentityCheck identity = FormFields.choice(Application.IdentityCheck.class, identityCheck);
        Application.Held heldBy = FormFields.choice(Application.Held.class, held);
        try {
            Application.Page found = calls.call(() -> passport.list(shown, identity, heldBy, Math.max(page, 0),
                    pageSize));
            return Response.ok(Templates.passports(new Queue(shown, identity, heldBy, found, pageSize, counts(),
                    LocalDate.now(KoreanTime.ZONE)), false)).build();
        } catch (ServiceUnavailableException | ServiceRefusedException e) {
            return Response.status(503).entity(Templates.passports(new Queue(shown, identity, heldBy, null, pageSize,
                    null, LocalDate.now(KoreanTime.ZONE)), true)).build();
        }
    }

    /** The day's figures are a help, not the work: the queue shows without them if they cannot be read. */
    private Application.Counts counts() {
        try {
            return calls.call(passport::counts);
        } catch (ServiceUnavailableException | ServiceRefusedException e) {
            return null;
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("id") UUID id, @QueryParam("moved") boolean moved,
            @QueryParam("settled") boolean settled, @QueryParam("photoReason") String photoReason,
            @QueryParam("photoAsked") boolean photoAsked, @QueryParam("holding") String holding) {
        FormErrors errors = new FormErrors();
        String why = FormFields.trimmed(photoReason);
        // "photoAsked": the photo form was sent (an empty field may arrive as no parameter at all).
        if (photoAsked && why.isEmpty()) {
            errors.add("photoReason", ctx.messages(AdminMessages.class).pp_err_photo_reason());
        }
        Photo photo = why.isEmpty() ? Photo.notAsked()
                : new Photo(why, "/admin/passports/" + id + "/photo?reason="
                        + URLEncoder.encode(why, StandardCharsets.UTF_8));
        String done = holding != null && List.of("taken", "released", "taken-over", "assigned").contains(holding) ? holding : null;
        return render(id, new Detail(newStep(), newSettle(), photo, moved, settled, done, null, ""), errors,
                errors.any() ? 400 : 200);
    }

    /** 담당하기: the officer takes the application, so no other officer works it unknowingly. */
    @POST
    @Path("{id}/holder")
    @Produces(MediaType.TEXT_HTML)
    public Response take(@PathParam("id") UUID id) {
        return hold(id, "taken", () -> passport.take(id));
    }

    /** 담당 해제: the officer lets it go, for another to take. */
    @POST
    @Path("{id}/holder/release")
    @Produces(MediaType.TEXT_HTML)
    public Response release(@PathParam("id") UUID id) {
        return hold(id, "released", () -> passport.release(id));
    }

    /**
     * 담당 인계: the officer takes over a case another holds (its holder is away), with the reason passport logs.
     * Without one, or with one over {@value #TAKEOVER_REASON_MAX} characters, nothing is sent.
     */
    @POST
    @Path("{id}/holder/takeover")
    @Produces(MediaType.TEXT_HTML)
    public Response takeOver(@PathParam("id") UUID id, @RestForm String takeoverReason) {
        String why = FormFields.trimmed(takeoverReason);
        FormErrors errors = new FormErrors();
        if (why.isEmpty() || why.length() > TAKEOVER_REASON_MAX) {
            errors.add("takeoverReason", ctx.messages(CaseworkMessages.class).takeover_err_reason());
            return render(id, new Detail(newStep(), newSettle(), Photo.notAsked(), false, false, null, null, why),
                    errors, 400);
        }
        return hold(id, "taken-over", why, () -> passport.takeOver(id, new PassportOfficeClient.Takeover(why)));
    }

    private Response hold(UUID id, String done, java.util.function.Supplier<Application> step) {
        return hold(id, done, "", step);
    }

    private Response hold(UUID id, String done, String takeoverReason, java.util.function.Supplier<Application> step) {
        FormErrors errors = new FormErrors();
        Detail detail = new Detail(newStep(), newSettle(), Photo.notAsked(), false, false, null, null, takeoverReason);
        return calls.submit(SERVICE, errors, TAKEOVER_FIELDS, ctx.messages(AdminMessages.class).admin_err_refused(), () -> {
            step.get();
            return URI.create("/admin/passports/" + id + "?holding=" + done);
        }, status -> render(id, detail, errors, status));
    }

    /**
     * The image the page shows: read from passport with the officer's token and reason, which passport logs;
     * not kept by the browser or anything on the way.
     */
    @GET
    @Path("{id}/photo")
    @Produces(PassportOfficeClient.PHOTO)
    public Response photo(@PathParam("id") UUID id, @QueryParam("reason") String reason) {
        String why = FormFields.trimmed(reason);
        if (why.isEmpty()) {
            return Response.status(400).build();
        }
        Response.ResponseBuilder answer;
        try {
            answer = Response.ok(calls.call(() -> passport.photo(id, why)), PassportOfficeClient.PHOTO);
        } catch (ServiceRefusedException e) {
            answer = Response.status(e.status());
        } catch (ServiceUnavailableException e) {
            answer = Response.status(503);
        }
        return answer.header("Cache-Control", "no-store").build();
    }

    /**
     * A document the applicant sent with a 보완 제출, read from passport with the officer's token (passport logs the
     * read as one of the applicant's record) so the officer reads it before deciding. Another office's application
     * or an unknown document: 404 with words; passport silent: 503.
     */
    @GET
    @Path("{id}/supplement-documents/{documentId}")
    public Response supplementDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        try (Response upstream = calls.call(() -> passport.supplementDocument(id, documentId))) {
            return PersonalDocumentDownload.of(upstream);
        } catch (ServiceRefusedException e) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(ctx.messages(CaseworkMessages.class).passport_document_missing())
                    .header("Cache-Control", "no-store").build();
        } catch (ServiceUnavailableException e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(ctx.web().unavailable_title(SERVICE)).header("Cache-Control", "no-store").build();
        }
    }

    /** 담당자 본인 확인: the officer settles an identity check residency could not, with how it was done. */
    @POST
    @Path("{id}/identity-check")
    @Produces(MediaType.TEXT_HTML)
    public Response settle(@PathParam("id") UUID id, @RestForm String outcome, @RestForm String note,
            @RestForm String idempotencyKey) {
        AdminMessages msg = ctx.messages(AdminMessages.class);
        Application.Resolution chosen = FormFields.choice(Application.Resolution.class, outcome);
        Settle settle = new Settle(chosen, FormFields.trimmed(note), FormFields.orNew(idempotencyKey));
        FormErrors errors = new FormErrors();
        if (chosen == null) {
            errors.add("outcome", msg.pp_err_outcome());
        }
        if (settle.note().isEmpty()) {
            errors.add("note", msg.pp_err_note());
        }
        Detail detail = new Detail(newStep(), settle, Photo.notAsked(), false, false);
        if (errors.any()) {
            return render(id, detail, errors, 400);
        }
        return calls.submit(SERVICE, errors, SETTLE_FIELDS, msg.admin_err_refused(), () -> {
            passport.settleIdentityCheck(settle.idempotencyKey(), id,
                    new PassportOfficeClient.Settlement(chosen, settle.note())).close();
            return URI.create("/admin/passports/" + id + "?settled=true");
        }, status -> render(id, detail, errors, status));
    }

    @POST
    @Path("{id}/transitions")
    @Produces(MediaType.TEXT_HTML)
    public Response move(@PathParam("id") UUID id, @RestForm String to, @RestForm String reason,
            @RestForm String supplementDeadline, @RestForm String idempotencyKey) {
        AdminMessages msg = ctx.messages(AdminMessages.class);
        Application.Status chosen = FormFields.choice(Application.Status.class, to);
        Step step = new Step(chosen, FormFields.trimmed(reason), FormFields.trimmed(supplementDeadline),
                FormFields.orNew(idempotencyKey));
        FormErrors errors = new FormErrors();
        if (chosen == null || !STEPS.contains(chosen)) {
            errors.add("to", msg.pp_err_step());
        }
        boolean needsReason = chosen == Application.Status.REJECTED || chosen == Application.Status.SUPPLEMENT_REQUESTED;
        if (needsReason && step.reason().isEmpty()) {
            errors.add("reason", msg.pp_err_reason());
        }
        if (chosen == Application.Status.SUPPLEMENT_REQUESTED && step.supplementDeadline().isEmpty()) {
            errors.add("supplementDeadline", msg.pp_err_deadline());
        }
        Detail detail = new Detail(step, newSettle(), Photo.notAsked(), false, false);
        if (errors.any()) {
            return render(id, detail, errors, 400);
        }
        PassportOfficeClient.Transition transition = new PassportOfficeClient.Transition(chosen,
                step.reason().isEmpty() ? null : step.reason(),
                chosen == Application.Status.SUPPLEMENT_REQUESTED ? step.supplementDeadline() : null);
        return calls.submit(SERVICE, errors, FIELDS, msg.admin_err_refused(), () -> {
            passport.transition(step.idempotencyKey(), id, transition).close();
            return URI.create("/admin/passports/" + id + "?moved=true");
        }, status -> render(id, detail, errors, status));
    }

    private static Step newStep() {
        return new Step(null, "", "", UUID.randomUUID().toString());
    }

    private static Settle newSettle() {
        return new Settle(null, "", UUID.randomUUID().toString());
    }

    private Response render(UUID id, Detail detail, FormErrors errors, int status) {
        try {
            Application application = calls.call(() -> passport.application(id));
            return Response.status(status).entity(Templates.passport(application,
                    detail.as(identity.getPrincipal().getName()), errors)).build();
        } catch (ServiceRefusedException e) {
            return Response.status(404).entity(Templates.passport(null, detail, errors)).build();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(SERVICE);
            return Response.status(503).entity(Templates.passport(null, detail, errors)).build();
        }
    }
}
