package kr.civilportal.admin.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kr.civilportal.admin.Roles;
import kr.civilportal.common.audit.AuditSettings;
import kr.civilportal.common.audit.ReadLogSearch;
import kr.civilportal.common.audit.RecordReads;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.time.KoreanTime;
import kr.civilportal.web.api.PortalService;
import kr.civilportal.web.api.ServiceCalls;
import kr.civilportal.web.api.ServiceRefusedException;
import kr.civilportal.web.api.ServiceUnavailableException;
import kr.civilportal.web.page.FormErrors;
import kr.civilportal.web.page.PageContext;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * 열람 기록 감사: the auditor searches who read which personal data, by official, record and days, in every
 * service's read log at once. A record id goes to all four services alike: the auditor need not know which
 * service's id it is, and a service whose ids look otherwise simply finds no reads of it. The search is checked here by the services' own rule ({@link ReadLogSearch}) so that its
 * errors stand next to the fields in the page's language, and nothing is asked of a service until it is right.
 * Each service's part stands alone: one service down hides only its own part.
 */
@Path("/admin/audit")
@RolesAllowed(Roles.AUDIT)
public class ReadLogAuditPage {

    /**
     * The search as typed, shown again in the form. A date field shows only a date: a date input's value must be
     * one (HTML), and a browser never sends anything else; only a hand-made address does, and its error says so.
     */
    public record Search(String official, String recordId, String from, String to) {

        /** The field's limit, the services' own, so the browser stops the auditor where the services would. */
        public int recordIdMax() {
            return ReadLogSearch.RECORD_ID_MAX;
        }

        public String fromShown() {
            return dateOrEmpty(from);
        }

        public String toShown() {
            return dateOrEmpty(to);
        }

        private static String dateOrEmpty(String text) {
            try {
                return LocalDate.parse(text).toString();
            } catch (java.time.DateTimeException e) {
                return "";
            }
        }
    }

    @CheckedTemplate(basePath = "admin", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance audit(Search search, List<ReadLogPart> parts, FormErrors errors);
    }

    private final ResidencyReadLogClient residency;
    private final PassportReadLogClient passport;
    private final LandReadLogClient land;
    private final EmergencyReadLogClient emergency;
    private final ServiceCalls calls;
    private final PageContext ctx;
    private final AuditSettings settings;

    ReadLogAuditPage(@RestClient ResidencyReadLogClient residency, @RestClient PassportReadLogClient passport,
            @RestClient LandReadLogClient land, @RestClient EmergencyReadLogClient emergency, ServiceCalls calls,
            PageContext ctx, AuditSettings settings) {
        this.residency = residency;
        this.passport = passport;
        this.land = land;
        this.emergency = emergency;
        this.calls = calls;
        this.ctx = ctx;
        this.settings = settings;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response search(@QueryParam("official") String official, @QueryParam("recordId") String recordId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        Search typed = new Search(text(official), text(recordId), text(from), text(to));
        FormErrors errors = new FormErrors();
        try {
            ReadLogSearch.parse(typed.official(), typed.recordId(), typed.from(), typed.to(),
                    LocalDate.now(KoreanTime.ZONE), settings);
        } catch (ProblemException e) {
            AuditMessages msg = ctx.messages(AuditMessages.class);
            Map<String, String> messages = Map.of("official", msg.err_official(), "recordId", msg.err_record_id(),
                    "from", msg.err_from(), "to", msg.err_to());
            for (Problem.FieldError error : e.problem().errors()) {
                errors.add(error.field(), messages.get(error.field()));
            }
            return Response.status(400).entity(Templates.audit(typed, List.of(), errors)).build();
        }
        String who = blankToNull(typed.official());
        String what = blankToNull(typed.recordId());
        String first = blankToNull(typed.from());
        String last = blankToNull(typed.to());
        return Response.ok(Templates.audit(typed, List.of(
                part(PortalService.RESIDENCY, () -> residency.search(who, what, first, last)),
                part(PortalService.PASSPORT, () -> passport.search(who, what, first, last)),
                part(PortalService.LAND_REGISTRY, () -> land.search(who, what, first, last)),
                part(PortalService.EMERGENCY_REPORT, () -> emergency.search(who, what, first, last))), errors)).build();
    }

    private ReadLogPart part(PortalService service, Supplier<RecordReads> search) {
        try {
            RecordReads found = calls.call(search);
            return ReadLogPart.found(service, found.reads(), found.truncated());
        } catch (ServiceRefusedException e) {
            String detail = e.problem().detail(ctx.english());
            return ReadLogPart.refused(service, detail.isBlank() ? ctx.messages(AuditMessages.class).refused() : detail);
        } catch (ServiceUnavailableException e) {
            return ReadLogPart.unavailable(service);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
