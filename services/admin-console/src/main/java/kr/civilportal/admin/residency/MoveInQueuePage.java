package kr.civilportal.admin.residency;

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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import kr.civilportal.admin.AdminMessages;
import kr.civilportal.admin.Roles;
import kr.civilportal.admin.passport.CaseworkMessages;
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
 * The residency officer's move-in queue (전입신고 처리): pending reports oldest first, filtered by mode or
 * name, and by who holds them (담당: 내 업무, 미배정); the offices' day at a glance (처리 현황), each report's
 * 담당자 and 처리기한; take a report or let it go (담당하기, 담당 해제); approve, or reject with a reason. A
 * report another officer holds offers no decision (residency would refuse it), only its take-over with a reason
 * (담당 인계), for when its holder is away. An officer who may work a report asks its filer for a supplement (보완
 * 요청: what is missing and the day they have until); such reports leave the queue for a list of their own (보완 대기),
 * and come back with the filer's answer shown beside the request. Reading a resident's record asks for the reason first, which the
 * residency service writes to the access log (열람 사유) with the read.
 */
@Path("/admin")
@RolesAllowed(Roles.RESIDENCY)
public class MoveInQueuePage {

    static final PortalService SERVICE = PortalService.RESIDENCY;

    /** A decision just made, for the notice on the queue (its value in the address: {@code done=approved}). */
    public enum Decision { APPROVED, REJECTED }

    /** What was just done about who holds a report, for the notice on the queue ({@code holding=taken}). */
    public enum Holding { TAKEN, RELEASED, TAKEN_OVER, ASSIGNED }

    /** As residency takes it (인계 사유). */
    static final int TAKEOVER_REASON_MAX = 200;

    /** As residency takes it (보완 요청 사항). */
    static final int SUPPLEMENT_WHAT_MAX = 500;

    /**
     * The queue page: its filters, the day's figures (null when residency could not give them), the reports, what
     * was typed in a report's form that came back refused (a rejection or a take-over), and who the official is (to tell their own reports from another's).
     */
    public record Queue(PendingMoveIn.Mode mode, String q, PendingMoveIn.Held held, PendingMoveIn.Counts counts,
            List<PendingMoveIn> items, Decision done, Holding holding, Typed typed, String key, String officer,
            List<PendingMoveIn> waiting, boolean supplementRequested) {
        public List<PendingMoveIn.Mode> modes() {
            return Arrays.asList(PendingMoveIn.Mode.values());
        }

        public List<PendingMoveIn.Held> helds() {
            return Arrays.asList(PendingMoveIn.Held.values());
        }

        /** The rejection reason typed for the report, when its form comes back refused. */
        public String reasonFor(PendingMoveIn m) {
            return typed.of(m, Typed.Form.REJECTION);
        }

        /** 보완 요청 사항 typed for the report, when its form comes back refused. */
        public String supplementWhatFor(PendingMoveIn m) {
            return typed.of(m, Typed.Form.SUPPLEMENT);
        }

        /** The deadline typed for the report's 보완 요청, when its form comes back refused. */
        public String supplementDeadlineFor(PendingMoveIn m) {
            return m.id().equals(typed.report()) && typed.form() == Typed.Form.SUPPLEMENT ? typed.deadline() : "";
        }

        /** The take-over reason typed for the report, when its form comes back refused. */
        public String takeoverReasonFor(PendingMoveIn m) {
            return typed.of(m, Typed.Form.TAKEOVER);
        }

        /** Each form of each report its own key; a reload gives new ones. */
        public String keyFor(PendingMoveIn m, String action) {
            return key + "." + m.id() + "." + action;
        }

        /** A report was just taken, or let go: each has its notice. */
        public boolean taken() {
            return holding == Holding.TAKEN;
        }

        public boolean released() {
            return holding == Holding.RELEASED;
        }

        public boolean takenOver() {
            return holding == Holding.TAKEN_OVER;
        }

        public boolean assigned() {
            return holding == Holding.ASSIGNED;
        }

        /** The official holds the report (내가 담당 중): they may let it go. */
        public boolean mine(PendingMoveIn m) {
            return m.heldBy(officer);
        }

        /** Another officer holds it: no decision and no take is offered, who holds it, and the take-over form. */
        public boolean heldByAnother(PendingMoveIn m) {
            return m.heldByAnother(officer);
        }
    }

    /** What was typed in one report's form that came back refused (a rejection or a take-over), to show again. */
    public record Typed(UUID report, Form form, String text, String deadline) {

        public enum Form { REJECTION, TAKEOVER, SUPPLEMENT }

        static final Typed NOTHING = new Typed(null, null, "");

        Typed(UUID report, Form form, String text) {
            this(report, form, text, "");
        }

        String of(PendingMoveIn m, Form wanted) {
            return m.id().equals(report) && form == wanted ? text : "";
        }
    }

    @CheckedTemplate(basePath = "admin", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance moveIns(Queue queue, FormErrors errors);

        static native TemplateInstance resident(UUID id, String reason, FormErrors errors, ResidentRecord.Record record);
    }

    private final ResidencyOfficeClient residency;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final SecurityIdentity identity;

    MoveInQueuePage(@RestClient ResidencyOfficeClient residency, ServiceCalls calls, PageContext ctx,
            SecurityIdentity identity) {
        this.residency = residency;
        this.calls = calls;
        this.ctx = ctx;
        this.identity = identity;
    }

    @GET
    @Path("move-ins")
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("mode") String mode, @QueryParam("q") String query, @QueryParam("held") String held,
            @QueryParam("done") String done, @QueryParam("holding") String holding,
            @QueryParam("supplement") String supplement) {
        return render(new Shown(FormFields.choice(PendingMoveIn.Mode.class, mode), FormFields.trimmed(query),
                FormFields.choice(PendingMoveIn.Held.class, held), upper(Decision.class, done),
                upper(Holding.class, holding), "requested".equals(supplement)), new FormErrors(), Typed.NOTHING, 200);
    }

    /**
     * 보완 요청: the officer asks the report's filer for what is missing by a day. Without what (or with more than
     * {@value #SUPPLEMENT_WHAT_MAX} characters) or without a valid day nothing is sent; residency's refusals (400 on
     * what or deadline: e.g. not tomorrow to 30 days ahead; 409 decided, or case-held) are shown by the report's
     * form, in residency's words. An Idempotency-Key per form: a double click asks once.
     */
    @POST
    @Path("move-ins/{id}/supplement-request")
    @Produces(MediaType.TEXT_HTML)
    public Response requestSupplement(@PathParam("id") UUID id, @RestForm String what, @RestForm String deadline,
            @RestForm String idempotencyKey) {
        String asked = FormFields.trimmed(what);
        String until = FormFields.trimmed(deadline);
        String whatField = "supplement-what-" + id;
        String deadlineField = "supplement-deadline-" + id;
        Typed typed = new Typed(id, Typed.Form.SUPPLEMENT, asked, until);
        FormErrors errors = new FormErrors();
        if (asked.isEmpty() || asked.length() > SUPPLEMENT_WHAT_MAX) {
            errors.add(whatField, casework().movein_supplement_err_what());
        }
        LocalDate day = null;
        try {
            day = until.isEmpty() ? null : LocalDate.parse(until);
        } catch (DateTimeParseException e) {
            day = null;
        }
        if (day == null) {
            errors.add(deadlineField, casework().movein_supplement_err_deadline());
        }
        if (errors.any()) {
            return render(Shown.ALL, errors, typed, 400);
        }
        LocalDate by = day;
        return calls.submit(SERVICE, errors, Map.of("what", whatField, "deadline", deadlineField),
                msg().admin_err_refused(), () -> {
                    residency.requestSupplement(FormFields.orNew(idempotencyKey), id,
                            new ResidencyOfficeClient.SupplementRequest(asked, by)).close();
                    return URI.create("/admin/move-ins?supplement=requested#waiting-" + id);
                }, status -> render(Shown.ALL, errors, typed, status));
    }

    /** 담당하기: the officer takes the report, so no other officer decides it unknowingly. */
    @POST
    @Path("move-ins/{id}/holder")
    @Produces(MediaType.TEXT_HTML)
    public Response take(@PathParam("id") UUID id) {
        return hold(id, Holding.TAKEN, () -> residency.take(id));
    }

    /** 담당 해제: the officer lets it go, for another to take. */
    @POST
    @Path("move-ins/{id}/holder/release")
    @Produces(MediaType.TEXT_HTML)
    public Response release(@PathParam("id") UUID id) {
        return hold(id, Holding.RELEASED, () -> residency.release(id));
    }

    /**
     * 담당 인계: the officer takes over a report another officer holds (its holder is away), with the reason
     * residency logs. Without one, or with one over {@value #TAKEOVER_REASON_MAX} characters, nothing is sent; a
     * refusal by residency (400 on reason, 409 decided) is shown by the report's form, in residency's words.
     * Residency answers a repeat as it answered the first (the caller holds it), so no Idempotency-Key either.
     */
    @POST
    @Path("move-ins/{id}/holder/takeover")
    @Produces(MediaType.TEXT_HTML)
    public Response takeOver(@PathParam("id") UUID id, @RestForm String takeoverReason) {
        String why = FormFields.trimmed(takeoverReason);
        String field = "takeover-reason-" + id;
        FormErrors errors = new FormErrors();
        if (why.isEmpty() || why.length() > TAKEOVER_REASON_MAX) {
            errors.add(field, ctx.messages(CaseworkMessages.class).takeover_err_reason());
            return render(Shown.ALL, errors, new Typed(id, Typed.Form.TAKEOVER, why), 400);
        }
        return calls.submit(SERVICE, errors, Map.of("reason", field), msg().admin_err_refused(), () -> {
            residency.takeOver(id, new ResidencyOfficeClient.Takeover(why));
            return URI.create("/admin/move-ins?holding=taken_over#movein-" + id);
        }, status -> render(Shown.ALL, errors, new Typed(id, Typed.Form.TAKEOVER, why), status));
    }

    /**
     * Taking and letting go are PUT and DELETE of the report's holder, the same however often they are sent,
     * so, as in the passport queue, they carry no Idempotency-Key. A refusal (409 case-held, whose detail names the
     * holder) is shown over the queue as residency words it.
     */
    private Response hold(UUID id, Holding done, Supplier<PendingMoveIn> step) {
        FormErrors errors = new FormErrors();
        return calls.submit(SERVICE, errors, Map.of(), msg().admin_err_refused(), () -> {
            step.get();
            return URI.create("/admin/move-ins?holding=" + done.name().toLowerCase(Locale.ROOT) + "#movein-" + id);
        }, status -> render(Shown.ALL, errors, Typed.NOTHING, status));
    }

    @POST
    @Path("move-ins/{id}/approval")
    @Produces(MediaType.TEXT_HTML)
    public Response approve(@PathParam("id") UUID id, @RestForm String idempotencyKey) {
        FormErrors errors = new FormErrors();
        return calls.submit(SERVICE, errors, Map.of(), msg().admin_err_refused(), () -> {
            residency.approve(FormFields.orNew(idempotencyKey), id).close();
            return URI.create("/admin/move-ins?done=approved");
        }, status -> render(Shown.ALL, errors, Typed.NOTHING, status));
    }

    @POST
    @Path("move-ins/{id}/rejection")
    @Produces(MediaType.TEXT_HTML)
    public Response reject(@PathParam("id") UUID id, @RestForm String reason, @RestForm String idempotencyKey) {
        FormErrors errors = new FormErrors();
        String why = FormFields.trimmed(reason);
        if (why.isEmpty()) {
            errors.add("reason-" + id, msg().admin_err_reason());
            return render(Shown.ALL, errors, new Typed(id, Typed.Form.REJECTION, ""), 400);
        }
        return calls.submit(SERVICE, errors, Map.of("reason", "reason-" + id), msg().admin_err_refused(), () -> {
            residency.reject(FormFields.orNew(idempotencyKey), id, new ResidencyOfficeClient.Rejection(why)).close();
            return URI.create("/admin/move-ins?done=rejected");
        }, status -> render(Shown.ALL, errors, new Typed(id, Typed.Form.REJECTION, why), status));
    }

    /**
     * A document the filer sent with a 보완 answer, read from residency with the officer's token (residency logs the
     * read as one of the filer's record) so the officer reads it before deciding. Another office's report or an
     * unknown document: 404 with words; residency silent: 503.
     */
    @GET
    @Path("move-ins/{id}/supplement-documents/{documentId}")
    public Response supplementDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        try (Response upstream = calls.call(() -> residency.supplementDocument(id, documentId))) {
            return PersonalDocumentDownload.of(upstream);
        } catch (ServiceRefusedException e) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(casework().movein_document_missing()).header("Cache-Control", "no-store").build();
        } catch (ServiceUnavailableException e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(ctx.web().unavailable_title(SERVICE)).header("Cache-Control", "no-store").build();
        }
    }

    /** A resident's record: without a reason, the prompt; with one, the (logged) read. */
    @GET
    @Path("residents/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response readResident(@PathParam("id") UUID id, @QueryParam("reason") String reason,
            @QueryParam("asked") boolean asked) {
        FormErrors errors = new FormErrors();
        String why = FormFields.trimmed(reason);
        // "asked": the prompt was sent (an empty field may arrive as no parameter at all).
        if (why.isEmpty()) {
            if (asked) {
                errors.add("reason", msg().admin_err_access_reason());
            }
            return Response.status(errors.any() ? 400 : 200).entity(Templates.resident(id, why, errors, null)).build();
        }
        try {
            ResidentRecord found = calls.call(() -> residency.readResident(id, why));
            return Response.ok(Templates.resident(id, why, errors, found.record())).build();
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), Map.of("*", "reason"), ctx.english(), msg().admin_err_refused());
            return Response.status(e.status()).entity(Templates.resident(id, why, errors, null)).build();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(SERVICE);
            return Response.status(503).entity(Templates.resident(id, why, errors, null)).build();
        }
    }

    /** What the queue shows: its filters and the notice of what was just done. */
    private record Shown(PendingMoveIn.Mode mode, String query, PendingMoveIn.Held held, Decision done,
            Holding holding, boolean supplementRequested) {
        /** The whole queue, as a form's refusal shows it. */
        static final Shown ALL = new Shown(null, "", null, null, null, false);
    }

    private Response render(Shown shown, FormErrors errors, Typed typed, int status) {
        List<PendingMoveIn> items = List.of();
        List<PendingMoveIn> waiting = List.of();
        PendingMoveIn.Counts counts = null;
        try {
            items = calls.call(() -> residency.pendingMoveIns(shown.held())).stream()
                    .filter(m -> m.matches(shown.mode(), shown.query())).toList();
            waiting = calls.call(() -> residency.moveIns(shown.held(), PendingMoveIn.Status.SUPPLEMENT_REQUESTED))
                    .stream().filter(PendingMoveIn::waitingForSupplement)
                    .filter(m -> m.matches(shown.mode(), shown.query())).toList();
            counts = counts();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(SERVICE);
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), Map.of(), ctx.english(), msg().admin_err_refused());
        }
        Queue queue = new Queue(shown.mode(), shown.query(), shown.held(), counts, items, shown.done(),
                shown.holding(), typed, UUID.randomUUID().toString(),
                identity.getPrincipal().getName(), waiting, shown.supplementRequested());
        return Response.status(errors.isUnavailable() ? 503 : status).entity(Templates.moveIns(queue, errors)).build();
    }

    /** The day's figures are a help, not the work: the queue shows without them if they cannot be read. */
    private PendingMoveIn.Counts counts() {
        try {
            return calls.call(residency::counts);
        } catch (ServiceUnavailableException | ServiceRefusedException e) {
            return null;
        }
    }

    /** A value of the address ({@code done=approved}, {@code holding=taken}), or null for none or another. */
    private static <E extends Enum<E>> E upper(Class<E> type, String value) {
        return value == null ? null : FormFields.choice(type, value.toUpperCase(Locale.ROOT));
    }

    private CaseworkMessages casework() {
        return ctx.messages(CaseworkMessages.class);
    }

    private AdminMessages msg() {
        return ctx.messages(AdminMessages.class);
    }
}
