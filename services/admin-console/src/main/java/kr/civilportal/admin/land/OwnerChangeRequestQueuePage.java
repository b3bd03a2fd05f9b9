package kr.civilportal.admin.land;

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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import kr.civilportal.admin.AdminMessages;
import kr.civilportal.admin.Roles;
import kr.civilportal.admin.passport.CaseworkMessages;
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
 * The land officer's queue of citizens' owner-change requests (소유자 변동 신청): the waiting requests of their
 * offices oldest first, filtered by who holds them (담당: 내 업무, 미배정); the offices' day at a glance (처리 현황);
 * each request's parcel (linked to its page), new owner, share, date and cause, applicant, 접수일시, 처리기한 and
 * 담당자; take one or let it go (담당하기, 담당 해제); approve it (land-registry appends the change to the parcel's
 * owner history) or reject it with a reason. A request another officer holds offers neither take nor decision:
 * land-registry would refuse them (409 case-held); only its take-over with a reason (담당 인계), for when its holder
 * is away. The same mechanics as the move-in queue's
 * ({@code residency.MoveInQueuePage}). Nothing here logs a request: the owner's name is personal data.
 */
@Path("/admin/land")
@RolesAllowed(Roles.LAND)
public class OwnerChangeRequestQueuePage {

    static final PortalService SERVICE = PortalService.LAND_REGISTRY;
    static final String QUEUE = "/admin/land/requests";
    /** land-registry's limit on a rejection's reason. */
    static final int MAX_REASON_LENGTH = 200;
    /** land-registry's limit on a take-over's reason (인계 사유). */
    static final int TAKEOVER_REASON_MAX = 200;

    /** A decision just made, for the notice on the queue (its value in the address: {@code done=approved}). */
    public enum Decision { APPROVED, REJECTED }

    /** What was just done about who holds a request, for the notice on the queue ({@code holding=taken}). */
    public enum Holding { TAKEN, RELEASED, TAKEN_OVER, ASSIGNED }

    /**
     * The queue page: its filter, the day's figures (null when land-registry could not give them), the requests,
     * what was typed in a request's form that came back refused (a rejection or a take-over), who the official is
     * (to tell their own requests from another's), and today in Korea (for the days left to a 처리기한).
     */
    public record Queue(OwnerChangeRequestItem.Held held, OwnerChangeRequestItem.Counts counts,
            List<OwnerChangeRequestItem> items, Decision done, Holding holding, Typed typed, String key,
            String officer, LocalDate today) {

        public List<OwnerChangeRequestItem.Held> helds() {
            return Arrays.asList(OwnerChangeRequestItem.Held.values());
        }

        /** The filter's value, for the forms to come back to the same queue ({@code ""} for all). */
        public String heldParam() {
            return held == null ? "" : held.name();
        }

        /** The rejection reason typed for the request, when its form comes back refused. */
        public String reasonFor(OwnerChangeRequestItem r) {
            return typed.of(r, Typed.Form.REJECTION);
        }

        /** The take-over reason typed for the request, when its form comes back refused. */
        public String takeoverReasonFor(OwnerChangeRequestItem r) {
            return typed.of(r, Typed.Form.TAKEOVER);
        }

        /** Each form of each request its own key; a reload gives new ones. */
        public String keyFor(OwnerChangeRequestItem r, String action) {
            return key + "." + r.id() + "." + action;
        }

        public boolean approved() {
            return done == Decision.APPROVED;
        }

        public boolean rejected() {
            return done == Decision.REJECTED;
        }

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

        /** The official holds the request (내가 담당 중): they may let it go. */
        public boolean mine(OwnerChangeRequestItem r) {
            return r.heldBy(officer);
        }

        /** Another officer holds it: no take and no decision is offered, who holds it, and the take-over form. */
        public boolean heldByAnother(OwnerChangeRequestItem r) {
            return r.heldByAnother(officer);
        }
    }

    /** What was typed in one request's form that came back refused (a rejection or a take-over), to show again. */
    public record Typed(UUID request, Form form, String text) {

        public enum Form { REJECTION, TAKEOVER }

        static final Typed NOTHING = new Typed(null, null, "");

        String of(OwnerChangeRequestItem r, Form wanted) {
            return r.id().equals(request) && form == wanted ? text : "";
        }
    }

    @CheckedTemplate(basePath = "admin", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance landRequests(Queue queue, FormErrors errors);
    }

    private final LandOfficeClient land;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final SecurityIdentity identity;

    OwnerChangeRequestQueuePage(@RestClient LandOfficeClient land, ServiceCalls calls, PageContext ctx,
            SecurityIdentity identity) {
        this.land = land;
        this.calls = calls;
        this.ctx = ctx;
        this.identity = identity;
    }

    @GET
    @Path("requests")
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("held") String held, @QueryParam("done") String done,
            @QueryParam("holding") String holding) {
        return render(new Shown(FormFields.choice(OwnerChangeRequestItem.Held.class, held),
                upper(Decision.class, done), upper(Holding.class, holding)), new FormErrors(), Typed.NOTHING, 200);
    }

    /** 담당하기: the officer takes the request, so no other officer decides it unknowingly. */
    @POST
    @Path("requests/{id}/holder")
    @Produces(MediaType.TEXT_HTML)
    public Response take(@PathParam("id") UUID id, @RestForm String held) {
        return hold(id, held, Holding.TAKEN, () -> land.takeOwnerChangeRequest(id));
    }

    /** 담당 해제: the officer lets it go, for another to take. */
    @POST
    @Path("requests/{id}/holder/release")
    @Produces(MediaType.TEXT_HTML)
    public Response release(@PathParam("id") UUID id, @RestForm String held) {
        return hold(id, held, Holding.RELEASED, () -> land.releaseOwnerChangeRequest(id));
    }

    /**
     * 담당 인계: the officer takes over a request another officer holds (its holder is away), with the reason
     * land-registry logs. Without one, or with one over {@value #TAKEOVER_REASON_MAX} characters, nothing is sent; a
     * refusal by land-registry (400 on reason by the request's form, the reason typed kept; 409 decided; 404) is shown
     * as the other forms' are. Land-registry answers a repeat as it answered the first (the caller holds it), so it
     * carries no Idempotency-Key either. Back to the same filter, with the notice.
     */
    @POST
    @Path("requests/{id}/holder/takeover")
    @Produces(MediaType.TEXT_HTML)
    public Response takeOver(@PathParam("id") UUID id, @RestForm String held, @RestForm String takeoverReason) {
        Shown back = Shown.of(held);
        String why = FormFields.trimmed(takeoverReason).strip();
        String field = "takeover-reason-" + id;
        Typed typed = new Typed(id, Typed.Form.TAKEOVER, why);
        if (why.isEmpty() || why.length() > TAKEOVER_REASON_MAX) {
            FormErrors errors = new FormErrors();
            errors.add(field, casework().takeover_err_reason());
            return render(back, errors, typed, 400);
        }
        return act(back, typed, Map.of("reason", field, "*", field), () -> {
            land.takeOverOwnerChangeRequest(id, new LandOfficeClient.Takeover(why));
            return URI.create(back.path("holding=" + lower(Holding.TAKEN_OVER)) + "#request-" + id);
        });
    }

    /**
     * Taking and letting go are PUT and DELETE of the request's holder, the same however often they are sent, so
     * they carry no Idempotency-Key (as in the move-in and passport queues).
     */
    private Response hold(UUID id, String held, Holding done, Supplier<OwnerChangeRequestItem> step) {
        Shown back = Shown.of(held);
        return act(back, Typed.NOTHING, Map.of(), () -> {
            step.get();
            return URI.create(back.path("holding=" + lower(done)) + "#request-" + id);
        });
    }

    @POST
    @Path("requests/{id}/approval")
    @Produces(MediaType.TEXT_HTML)
    public Response approve(@PathParam("id") UUID id, @RestForm String held, @RestForm String idempotencyKey) {
        Shown back = Shown.of(held);
        return act(back, Typed.NOTHING, Map.of(), () -> {
            land.approveOwnerChangeRequest(FormFields.orNew(idempotencyKey), id).close();
            return URI.create(back.path("done=" + lower(Decision.APPROVED)));
        });
    }

    @POST
    @Path("requests/{id}/rejection")
    @Produces(MediaType.TEXT_HTML)
    public Response reject(@PathParam("id") UUID id, @RestForm String held, @RestForm String reason,
            @RestForm String idempotencyKey) {
        Shown back = Shown.of(held);
        String why = FormFields.trimmed(reason).strip();
        String field = "reason-" + id;
        if (why.isEmpty() || why.length() > MAX_REASON_LENGTH) {
            FormErrors errors = new FormErrors();
            CaseworkMessages words = casework();
            errors.add(field, why.isEmpty() ? msg().admin_err_reason() : words.landreq_err_reason_long());
            return render(back, errors, new Typed(id, Typed.Form.REJECTION, why), 400);
        }
        return act(back, new Typed(id, Typed.Form.REJECTION, why), Map.of("reason", field, "*", field), () -> {
            land.rejectOwnerChangeRequest(FormFields.orNew(idempotencyKey), id, new LandOfficeClient.Rejection(why))
                    .close();
            return URI.create(back.path("done=" + lower(Decision.REJECTED)));
        });
    }

    /**
     * A form's write, then the queue again (post/redirect/get, with its filter). A refusal is shown over the queue
     * in words: an unknown request or another office's (404) in the console's, the others as land-registry words
     * them (409 case-held names the holder; a decided request; a reason's field error next to that request's field).
     */
    private Response act(Shown back, Typed typed, Map<String, String> fields, Supplier<URI> write) {
        FormErrors errors = new FormErrors();
        try {
            return Response.seeOther(calls.call(write)).build();
        } catch (ServiceRefusedException e) {
            if (e.status() == 404) {
                errors.addGeneral(casework().landreq_not_found());
            } else {
                errors.addProblem(e.problem(), fields, ctx.english(), msg().admin_err_refused());
            }
            return render(back, errors, typed, e.status());
        } catch (ServiceUnavailableException e) {
            errors.unavailable(SERVICE);
            return render(back, errors, typed, 503);
        }
    }

    /** What the queue shows: its filter and the notice of what was just done. */
    private record Shown(OwnerChangeRequestItem.Held held, Decision done, Holding holding) {

        /** The queue a form came from (its filter), as a refusal shows it again. */
        static Shown of(String held) {
            return new Shown(FormFields.choice(OwnerChangeRequestItem.Held.class, held), null, null);
        }

        /** The queue's address with this filter and a notice ({@code done=approved}). */
        String path(String notice) {
            return QUEUE + "?" + (held == null ? "" : "held=" + held.name() + "&") + notice;
        }
    }

    private Response render(Shown shown, FormErrors errors, Typed typed, int status) {
        List<OwnerChangeRequestItem> items = List.of();
        OwnerChangeRequestItem.Counts counts = null;
        try {
            items = calls.call(() -> land.ownerChangeRequests(shown.held()));
            counts = counts();
        } catch (ServiceUnavailableException e) {
            errors.unavailable(SERVICE);
        } catch (ServiceRefusedException e) {
            errors.addProblem(e.problem(), Map.of(), ctx.english(), msg().admin_err_refused());
        }
        Queue queue = new Queue(shown.held(), counts, items, shown.done(), shown.holding(), typed,
                UUID.randomUUID().toString(), identity.getPrincipal().getName(), ctx.today());
        return Response.status(errors.isUnavailable() ? 503 : status).entity(Templates.landRequests(queue, errors))
                .build();
    }

    /** The day's figures are a help, not the work: the queue shows without them if they cannot be read. */
    private OwnerChangeRequestItem.Counts counts() {
        try {
            return calls.call(land::ownerChangeRequestCounts);
        } catch (ServiceUnavailableException | ServiceRefusedException e) {
            return null;
        }
    }

    /** A value of the address ({@code done=approved}, {@code holding=taken}), or null for none or another. */
    private static <E extends Enum<E>> E upper(Class<E> type, String value) {
        return value == null ? null : FormFields.choice(type, value.toUpperCase(Locale.ROOT));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private AdminMessages msg() {
        return ctx.messages(AdminMessages.class);
    }

    private CaseworkMessages casework() {
        return ctx.messages(CaseworkMessages.class);
    }
}
