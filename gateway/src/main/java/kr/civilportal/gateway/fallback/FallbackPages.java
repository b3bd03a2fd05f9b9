package kr.civilportal.gateway.fallback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.gateway.limits.RequestLimits;
import kr.civilportal.gateway.limits.RequestRules;
import kr.civilportal.gateway.relay.Attempt;
import kr.civilportal.gateway.relay.OutgoingReport;
import kr.civilportal.gateway.relay.RelayRoutes;
import kr.civilportal.gateway.relay.RelayRoutes.Relayed;
import kr.civilportal.gateway.routing.Answer;
import kr.civilportal.gateway.routing.GatewayConfig;
import kr.civilportal.gateway.routing.ServiceRoutes;
import kr.civilportal.gateway.security.TrustedForwarders;

/**
 * The gateway's own pages for when a web app cannot answer, and their 119 form. Every text is in one template,
 * {@code templates/fallback.html} (Korean and English, style inlined, no script, nothing to fetch): pages
 * {@code citizen} (what to do instead, and the form), {@code officials}, and the form's answers {@code delivered},
 * {@code held}, {@code failed}. A request that accepts HTML gets the page, anyone else the route's problem; both 503.
 *
 * <p>The form ({@code POST /report-119/fallback}, form-urlencoded) is the gateway's own, so it works while
 * citizen-web is down. It becomes the JSON emergency-report takes and goes the one way every 119 report goes,
 * {@link RelayRoutes#deliverOrHold}: delivered if the service is up, else held and forwarded later, exactly once
 * (the form's key, made for each view of the page, is the Idempotency-Key, and a form always gives the same bytes).
 */
@ApplicationScoped
public class FallbackPages {

    /** Before the page routes: citizen-web takes {@code /report-119/*}. */
    static final int ORDER = ServiceRoutes.PAGE_ORDER - 1;
    /** The name the form's refusals are counted under in {@code portal_gateway_rejected_total}. */
    static final String METRIC_ROUTE = "fallback-119";
    static final String CITIZEN = "citizen";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final long FORM_MIN_RATE = 1024;
    /** The form's own short path, with no query: what the services take is plenty (Vert.x's default line). */
    private static final long REQUEST_LINE = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Template template;
    private final GatewayConfig.Fallback config;
    private final RequestLimits limits;
    private final RelayRoutes relay;
    private final TrustedForwarders forwarders;
    private final RequestRules formRules;

    FallbackPages(@Location("fallback.html") Template template, GatewayConfig gateway, RequestLimits limits,
                  RelayRoutes relay, TrustedForwarders forwarders) {
        this.template = template;
        this.config = gateway.fallback();
        this.limits = limits;
        this.relay = relay;
        this.forwarders = forwarders;
        long max = config.maxFormBody().asLongValue();
        this.formRules = new RequestRules(max, max, max, REQUEST_LINE, config.formTimeout(), FORM_MIN_RATE,
                Set.of(FORM), false);
    }

    /** What a web app's route answers when the app cannot: this page for a browser, the problem for anyone else. */
    public Answer unavailable(HttpServerRequest request, String page, Problem problem) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean browser = accept != null && (accept.contains("text/html") || accept.contains("application/xhtml+xml"));
        return (browser ? Answer.html(503, render(page, FallbackReport.blank(), Set.of(), Map.of()))
                : Answer.problem(problem, request.path()));
    }

    void mount(@Observes Router router) {
        router.post(config.reportPath()).order(ORDER).handler(ctx -> {
            if (limits.check(ctx, METRIC_ROUTE, formRules)) {
                limits.read(ctx, METRIC_ROUTE, () -> submit(ctx));
            }
        });
    }

    private void submit(RoutingContext ctx) {
        Buffer body = RequestLimits.bodyOf(ctx);
        FallbackReport report = FallbackReport.from(new QueryStringDecoder(
                body == null ? "" : body.toString(StandardCharsets.UTF_8), StandardCharsets.UTF_8, false).parameters());
        Set<String> wrong = report.problems();
        if (!wrong.isEmpty()) {
            page(ctx, 400, CITIZEN, report, wrong, Map.of()); // nothing sent: the form keeps its key
            return;
        }
        String key = report.validKey();
        String sentKey = key == null ? UUID.randomUUID().toString() : key;
        HttpServerRequest request = ctx.request();
        String client = forwarders.clientOf(request);
        String host = request.authority() == null ? null : request.authority().toString();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("Content-Type", "application/json")
                .set(IdempotencyKey.HEADER, sentKey).set(TrustedForwarders.X_FORWARDED_FOR, client)
                .set("X-Forwarded-Proto", request.scheme());
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        relay.deliverOrHold(new OutgoingReport(headers, Buffer.buffer(report.json()), host), sentKey, key == null,
                "application/json", client).onComplete(done -> {
                    if (done.failed()) {
                        page(ctx, 503, "failed", report, Set.of(), Map.of());
                    } else if (done.result() instanceof Relayed.Held held) {
                        page(ctx, 202, "held", report, Set.of(), Map.of("number", held.receipt().id().toString(),
                                "followUrl", RelayRoutes.followUrl(held.receipt())));
                    } else {
                        answered(ctx, report, ((Relayed.Answered) done.result()).answer());
                    }
                });
    }

    private void answered(RoutingContext ctx, FallbackReport report, Attempt.Answered answer) {
        JsonNode json = parse(answer.body());
        if (answer.status() / 100 == 2 && json.hasNonNull("reportId")) {
            String id = json.get("reportId").asText();
            page(ctx, 201, "delivered", report, Set.of(), Map.of("number", id,
                    "followUrl", config.receiptPage() + id + "?token=" + json.path("receiptToken").asText("")));
            return;
        }
        Set<String> wrong = new HashSet<>();
        json.path("errors").forEach(e -> {
            String field = FallbackReport.formField(e.path("field").asText(""));
            if (field != null) {
                wrong.add(field);
            }
        });
        if (answer.status() == 400 && !wrong.isEmpty()) {
            // The service may keep its answer under the key: the corrected form goes with a new one.
            page(ctx, 400, CITIZEN, new FallbackReport(report.category(), report.description(), report.address(),
                    report.phone(), UUID.randomUUID().toString()), wrong, Map.of());
        } else {
            page(ctx, answer.status() >= 400 ? answer.status() : 502, "failed", report, Set.of(), Map.of());
        }
    }

    private void page(RoutingContext ctx, int status, String page, FallbackReport form, Set<String> wrong,
                      Map<String, String> outcome) {
        Answer.html(status, render(page, form, wrong, outcome)).send(ctx);
    }

    /** One page; {@code wrong}: the form's fields to mark; {@code outcome}: a sent report's number and link. */
    String render(String page, FallbackReport form, Set<String> wrong, Map<String, String> outcome) {
        Map<String, Boolean> errors = new HashMap<>();
        FallbackReport.FIELDS.forEach(field -> errors.put(field, wrong.contains(field)));
        Map<String, String> result = new HashMap<>(Map.of("number", "", "followUrl", ""));
        result.putAll(outcome);
        return template.data("page", page).data("reportPath", config.reportPath()).data("form", form.view())
                .data("errors", errors).data("hasErrors", !wrong.isEmpty()).data("outcome", result).render();
    }

    private static JsonNode parse(Buffer body) {
        try {
            return JSON.readTree(body.getBytes());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
