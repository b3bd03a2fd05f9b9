package kr.civilportal.gateway.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.gateway.limits.RequestLimits;
import kr.civilportal.gateway.routing.Answer;
import kr.civilportal.gateway.security.TrustedForwarders;
import org.jboss.logging.Logger;

/**
 * 119 store-and-forward at the door. A new report (POST, with a Content-Length up to
 * {@code max-held-body}) is read whole, then handed to a replica of emergency-report; the reporter gets the
 * service's answer unchanged. If no replica takes it, the report is written to the gateway's journal (one
 * committed row) and only then answered {@code 202} with a receipt and a link to follow it. The forwarder
 * sends it on with the same Idempotency-Key when the service is back.
 *
 * <p>Every attempt carries an Idempotency-Key (the reporter's, or one made here when they sent none or a
 * malformed one), so an attempt that reached the service but whose answer was lost cannot become a second
 * report when the held copy is forwarded: the service answers it with the first receipt. The service scopes
 * anonymous reporters' keys to one shared scope (not to a token or an address), and the forward sends the
 * same bytes, so it lands in the same scope with the same fingerprint. The gateway's fallback 119 form
 * ({@code fallback.FallbackPages}) sends its reports through {@link #deliverOrHold} too.
 *
 * <p>The body is the one {@code limits.RequestLimits} has read whole, within its time and memory budget. A body it
 * has not read (larger than {@code max-held-body}, or arriving while the budget is spent) streams through the
 * ordinary route as before: reading 64 MB of video into memory for every upload would cost the gateway its heap
 * under a surge. If the service is down it gets the ordinary 503 problem, whose advice holds: send the report
 * without the video, or call 119.
 */
@ApplicationScoped
public class RelayRoutes {

    /** Before the service routes (ordered from 0 as they are added), after authentication and authorization. */
    static final int ORDER = -10;
    static final String RELAY_ID_HEADER = "Portal-Relay-Id";
    static final String TOKEN_HEADER = "Relay-Token";
    static final String FOLLOW_PATH = "/api/emergency/v1/relay/";
    private static final Logger LOG = Logger.getLogger(RelayRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "content-length", "host");

    static final String HELD_MESSAGE = "The 119 reporting system cannot take your report right now. It is held "
            + "safely by the portal and will be delivered automatically as soon as the system is back; you do "
            + "not need to send it again. If you or someone else is in danger, call 119 now.";
    static final String HELD_MESSAGE_KO = "지금은 119 신고 접수 시스템에 연결할 수 없어 신고를 포털에 안전하게 보관했습니다. "
            + "시스템이 복구되는 즉시 자동으로 전달되므로 다시 보내실 필요는 없습니다. "
            + "위급한 상황이라면 지금 바로 119에 전화하세요.";

    private final RelayConfig config;
    private final RelayJournal journal;
    private final ReportDelivery delivery;
    private final Vertx vertx;
    private final TrustedForwarders forwarders;

    RelayRoutes(RelayConfig config, RelayJournal journal, ReportDelivery delivery, Vertx vertx,
                TrustedForwarders forwarders) {
        this.config = config;
        this.forwarders = forwarders;
        this.journal = journal;
        this.delivery = delivery;
        this.vertx = vertx;
    }

    void mount(@Observes Router router) {
        router.post(config.reportPath()).order(ORDER).handler(this::report);
        router.get(FOLLOW_PATH + ":id").order(ORDER).handler(this::follow);
        LOG.infof("119 store-and-forward on POST %s (bodies up to %d bytes held)", config.reportPath(),
                config.maxHeldBody().asLongValue());
    }

    private void report(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Buffer body = RequestLimits.bodyOf(ctx);
        if (body == null || body.length() > config.maxHeldBody().asLongValue()) {
            ctx.next(); // streams through the ordinary route, unchanged (see the class comment)
            return;
        }
        String key = request.getHeader(IdempotencyKey.HEADER);
        boolean generated = key == null || IdempotencyKey.problemWith(unquote(key)).isPresent();
        String sentKey = generated ? UUID.randomUUID().toString() : key;
        String client = forwarders.clientOf(request);
        String host = request.authority() == null ? null : request.authority().toString();
        deliverOrHold(new OutgoingReport(forwardHeaders(request, sentKey, client, host), body, host), sentKey,
                generated, request.getHeader("Content-Type"), client).onComplete(done -> {
                    if (done.failed()) {
                        Answer.problem(ctx, ProblemType.SERVICE_UNAVAILABLE.problem(
                                "Your report could not be delivered or held. Please call 119 now, or try again.",
                                "신고를 전달하거나 보관하지 못했습니다. 지금 119에 전화하시거나 다시 시도해 주세요."));
                    } else if (done.result() instanceof Relayed.Answered answered) {
                        passOn(ctx, answered.answer());
                    } else {
                        held(ctx, ((Relayed.Held) done.result()).receipt(), sentKey);
                    }
                });
    }

    /** What became of a report: the service's answer, or a place in the journal. */
    public sealed interface Relayed {
        /** The service answered (any status but a 5xx); its answer goes back to the reporter as it is. */
        record Answered(Attempt.Answered answer) implements Relayed {
        }

        /** No replica took it: held, committed, to be forwarded. */
        record Held(RelayJournal.Receipt receipt) implements Relayed {
        }
    }

    /**
     * Hands a report to a replica of the service, or, when none takes it (unreachable, or a 5xx), holds it in the
     * journal. The one way to send a 119 report for every door: the API, and the gateway's own fallback form.
     * Fails only when the report could be neither delivered nor held.
     */
    public Future<Relayed> deliverOrHold(OutgoingReport report, String key, boolean generated, String contentType,
                                         String client) {
        return delivery.deliver(report).compose(attempt -> {
            // Held when the service is away or failing (any 5xx); any other answer goes back as is.
            if (attempt.disposition() == Attempt.Disposition.UNREACHABLE
                    || attempt.disposition() == Attempt.Disposition.RETRY && ((Attempt.Answered) attempt).status() >= 500) {
                String reason = attempt instanceof Attempt.Unreachable u ? u.reason()
                        : "answered " + ((Attempt.Answered) attempt).status();
                return vertx.executeBlocking(() -> journal.hold(key, generated,
                                contentType == null ? "application/octet-stream" : contentType, report.body(), client,
                                report.host()), false)
                        .map(receipt -> {
                            LOG.warnf("119 report held as %s (%d bytes): emergency-report unavailable (%s)",
                                    receipt.id(), report.body().length(), reason);
                            return (Relayed) new Relayed.Held(receipt);
                        });
            }
            return Future.succeededFuture(new Relayed.Answered((Attempt.Answered) attempt));
        }).onFailure(failure -> LOG.errorf("A 119 report could neither be delivered nor held: %s", failure.toString()));
    }

    /** The link a reporter follows a held report with (no login: the token is the key). */
    public static String followUrl(RelayJournal.Receipt receipt) {
        return FOLLOW_PATH + receipt.id() + "?token=" + receipt.token();
    }

    private static void held(RoutingContext ctx, RelayJournal.Receipt receipt, String key) {
        ObjectNode json = JSON.createObjectNode();
        json.put("relayId", receipt.id().toString());
        json.put("relayToken", receipt.token());
        json.put("state", HeldReport.State.HELD.name());
        json.put("receivedAt", receipt.receivedAt().toString());
        json.put("idempotencyKey", key);
        json.put("followUrl", followUrl(receipt));
        json.put("message", HELD_MESSAGE);
        json.put("messageKo", HELD_MESSAGE_KO);
        Answer.json(202, json).with("Location", FOLLOW_PATH + receipt.id())
                .with(RELAY_ID_HEADER, receipt.id().toString()).send(ctx);
    }

    private static void passOn(RoutingContext ctx, Attempt.Answered answer) {
        HttpServerResponse response = ctx.response();
        if (Answer.callerGone(response)) {
            return;
        }
        response.setStatusCode(answer.status());
        answer.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                response.headers().add(h.getKey(), h.getValue());
            }
        });
        response.end(answer.body());
    }

    /** {@code GET /api/emergency/v1/relay/{id}} with header Relay-Token (or {@code ?token=}): no login. */
    private void follow(RoutingContext ctx) {
        String token = Optional.ofNullable(ctx.request().getHeader(TOKEN_HEADER))
                .orElse(ctx.request().getParam("token"));
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            notFound(ctx);
            return;
        }
        vertx.executeBlocking(() -> journal.find(id, token), false).onComplete(found -> {
            if (found.failed()) {
                LOG.warnf("Could not read held report %s: %s", id, found.cause().toString());
                Answer.problem(ctx, ProblemType.SERVICE_UNAVAILABLE.problem(
                        "The held report cannot be read right now. Please try again shortly.",
                        "보관된 신고를 지금 조회할 수 없습니다. 잠시 후 다시 시도해 주세요."));
                return;
            }
            if (found.result().isEmpty()) {
                notFound(ctx);
                return;
            }
            Answer.json(200, view(found.result().get())).with("Cache-Control", "no-store").send(ctx);
        });
    }

    static ObjectNode view(HeldReport held) {
        ObjectNode json = JSON.createObjectNode();
        json.put("relayId", held.id().toString());
        json.put("state", held.state().name());
        json.put("receivedAt", held.receivedAt().toString());
        json.put("idempotencyKey", held.idempotencyKey());
        json.put("attempts", held.attempts());
        if (held.deliveredAt() != null) {
            json.put("deliveredAt", held.deliveredAt().toString());
        }
        switch (held.state()) {
            case HELD -> {
                json.put("message", HELD_MESSAGE);
                json.put("messageKo", HELD_MESSAGE_KO);
            }
            case DELIVERED -> {
                json.put("message", "Delivered to the 119 reporting system: its receipt is below.");
                json.put("messageKo", "119 신고 접수 시스템에 전달되었습니다. 접수증은 아래와 같습니다.");
            }
            case FAILED -> {
                json.put("message", "The 119 reporting system refused this report; staff have been alerted. "
                        + "If you are in danger, call 119 now.");
                json.put("messageKo", "119 신고 접수 시스템이 이 신고를 받지 않았으며 담당자에게 알렸습니다. "
                        + "위급한 상황이라면 지금 바로 119에 전화하세요.");
            }
            case RESOLVED -> {
                json.put("message", "The 119 reporting system refused this report, and a 119 supervisor has dealt "
                        + "with it by other means. If you are in danger, call 119 now.");
                json.put("messageKo", "119 신고 접수 시스템이 받지 않은 이 신고를 119 상황 책임자가 다른 방법으로 "
                        + "처리했습니다. 위급한 상황이라면 지금 바로 119에 전화하세요.");
            }
        }
        if (held.serviceStatus() != null) {
            ObjectNode service = json.putObject("service");
            service.put("status", held.serviceStatus());
            if (held.serviceLocation() != null) {
                service.put("location", held.serviceLocation());
            }
            if (held.serviceBody() != null) {
                try {
                    JsonNode receipt = JSON.readTree(held.serviceBody());
                    service.set("receipt", receipt);
                } catch (IOException e) {
                    service.put("body", new String(held.serviceBody(), StandardCharsets.UTF_8));
                }
            }
        }
        return json;
    }

    private MultiMap forwardHeaders(HttpServerRequest request, String key, String client, String host) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        headers.set(IdempotencyKey.HEADER, key);
        if (client != null) {
            headers.set("X-Forwarded-For", client);
        }
        headers.set("X-Forwarded-Proto", request.scheme());
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        if (!headers.contains("traceparent")) {
            headers.set("traceparent", newTraceparent());
        }
        return headers;
    }

    private static String unquote(String key) {
        String v = key.strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(span) + "-01";
    }

    private static void notFound(RoutingContext ctx) {
        Answer.problem(ctx, ProblemType.NOT_FOUND.problem("No held report with this id and token.",
                "해당 번호와 토큰의 보관 신고가 없습니다."));
    }
}
