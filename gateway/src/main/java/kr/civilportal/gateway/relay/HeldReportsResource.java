package kr.civilportal.gateway.relay;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.gateway.relay.HeldReport.State;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * Held and refused 119 reports for dispatch supervisors (보류·전달 실패 신고 관리): the gateway's own API, since
 * the journal is the gateway's. Role {@code dispatch-supervisor}. Delegates to {@link HeldReportSupervision}.
 */
@Path(HeldReportsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(HeldReportsResource.ROLE)
public class HeldReportsResource {

    static final String PATH = "/api/relay/v1/held-reports";
    private static final Logger LOG = Logger.getLogger(HeldReportsResource.class);
    /** 119 상황팀장: looks after what the relay could not deliver. */
    public static final String ROLE = "dispatch-supervisor";

    /** What a supervisor writes with a step. */
    public record StepRequest(String note) {
    }

    private final HeldReportSupervision supervision;
    private final SecurityIdentity identity;
    private final RelayConfig.Supervision settings;

    HeldReportsResource(HeldReportSupervision supervision, SecurityIdentity identity, RelayConfig config) {
        this.supervision = supervision;
        this.identity = identity;
        this.settings = config.supervision();
    }

    @GET
    @Operation(summary = "Held reports that still need someone (HELD, FAILED), or those in one state; oldest first",
            description = "No personal data: what the service answered, how often it was tried, who did what. "
                    + "At most portal.gateway.relay.supervision.listed; truncated says there were more.")
    public HeldReportSupervision.Listed list(@QueryParam("state") String state) {
        State filter = state == null || state.isBlank() ? null : state(state);
        return journalRead(() -> supervision.list(filter));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One held report with every supervisor's step on it")
    public HeldReportSupervision.Supervised report(@PathParam("id") String id) {
        UUID relayId = id(id);
        return journalRead(() -> supervision.find(relayId));
    }

    @GET
    @Path("{id}/content")
    @Operation(summary = "A held or refused report's content (personal data), read with a reason that is logged",
            description = "The report's JSON and its files' names, types and sizes. Each read is written to the "
                    + "report's steps (who, when, why) before the content is answered. 409 once it was delivered or "
                    + "settled: the gateway no longer keeps it.")
    public HeldReportContent content(@PathParam("id") String id, @QueryParam("reason") String reason) {
        UUID relayId = id(id);
        String why = required("reason", reason, settings.reasonMax(),
                "Say why you read this report (at most %d characters).", "열람 사유를 %d자 이내로 적어 주세요.");
        return journalRead(() -> supervision.readContent(relayId, official(), why));
    }

    @POST
    @Path("{id}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a refused report again (FAILED → HELD, due now)",
            description = "For a refusal that was the service's fault and is fixed. The same Idempotency-Key as "
                    + "every earlier attempt goes with it. A repeat with the same Idempotency-Key header is one step.")
    public HeldReportSupervision.Supervised retry(@PathParam("id") String id,
            @RestHeader(IdempotencyKey.HEADER) String idempotencyKey, StepRequest body) {
        UUID relayId = id(id);
        String note = optional("note", body == null ? null : body.note());
        String key = key(idempotencyKey);
        return journalRead(() -> supervision.retry(relayId, official(), note, key));
    }

    @POST
    @Path("{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Settle a refused report taken by other means (FAILED → RESOLVED), saying how",
            description = "Its content and the reporter's address are emptied. A held report cannot be settled: it "
                    + "is still on its way. A repeat with the same Idempotency-Key header is one step.")
    public HeldReportSupervision.Supervised resolve(@PathParam("id") String id,
            @RestHeader(IdempotencyKey.HEADER) String idempotencyKey, StepRequest body) {
        UUID relayId = id(id);
        String note = required("note", body == null ? null : body.note(), settings.noteMax(),
                "Say how the report was dealt with (at most %d characters).",
                "어떻게 처리했는지 %d자 이내로 적어 주세요.");
        String key = key(idempotencyKey);
        return journalRead(() -> supervision.resolve(relayId, official(), note, key));
    }

    /** The official's user name (preferred_username), as the services' read logs name them. */
    private String official() {
        return identity.getPrincipal().getName();
    }

    private String required(String field, String value, int max, String detail, String detailKo) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > max) {
            throw ProblemException.invalidField(field, detail.formatted(max), detailKo.formatted(max));
        }
        return text;
    }

    private String optional(String field, String value) {
        String text = value == null ? "" : value.strip();
        if (text.length() > settings.noteMax()) {
            throw ProblemException.invalidField(field, "At most %d characters.".formatted(settings.noteMax()),
                    "%d자 이내로 적어 주세요.".formatted(settings.noteMax()));
        }
        return text;
    }

    private static String key(String idempotencyKey) {
        if (idempotencyKey == null) {
            return null;
        }
        IdempotencyKey.problemWith(idempotencyKey).ifPresent(p -> {
            throw ProblemException.invalidField(IdempotencyKey.HEADER, p, "Idempotency-Key 헤더가 올바르지 않습니다.");
        });
        return idempotencyKey;
    }

    /** The journal's database unwell: a 503 the console can say, not a 500 (the routing goes on regardless). */
    private static <T> T journalRead(Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalStateException e) {
            LOG.warnf("Held reports' journal unavailable: %s", e.getCause() == null ? e : e.getCause());
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "The held reports cannot be read right now. Please try again shortly.",
                    "보관된 신고를 지금 읽을 수 없습니다. 잠시 후 다시 시도해 주세요.");
        }
    }

    private static State state(String value) {
        try {
            return State.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("state", "One of HELD, DELIVERED, FAILED, RESOLVED.",
                    "HELD, DELIVERED, FAILED, RESOLVED 중 하나여야 합니다.");
        }
    }

    private static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No held report has this id.", "이 번호로 보관된 신고가 없습니다.");
        }
    }
}
