package kr.civilportal.gateway.fallback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kr.civilportal.common.idempotency.IdempotencyKey;
import kr.civilportal.gateway.limits.RequestLimits;
import kr.civilportal.gateway.limits.RequestRules;
import kr.civilportal.gateway.relay.Attempt;
import kr.civilportal.gateway.relay.OutgoingReport;
import kr.civilportal.gateway.relay.RelayRoutes;
import kr.civilportal.gateway.relay.RelayRoutes.Relayed;
import kr.civilportal.gateway.routing.Answer;
import kr.civilportal.gateway.routing.ServiceRoutes;
import kr.civilportal.gateway.security.TrustedForwarders;
import org.jboss.logging.Logger;

/**
 * The fallback page's 119 form ({@code POST /report-119/fallback}, form-urlencoded): the gateway's own, so it works
 * while citizen-web is down. The form becomes the JSON emergency-report takes and goes the one way every 119
 * report goes, {@link RelayRoutes#deliverOrHold}: delivered if the service is up, else held in the journal and
 * forwarded later, exactly once (the form's key, made when the page was shown, is the Idempotency-Key, and the
 * same form always gives the same bytes). The answer is a page: the report number, or "held, will be delivered"
 * with the link to follow it; a form with mistakes comes back with them marked and everything still in it.
 */
@ApplicationScoped
public class FallbackReports {

    /** Before the page routes (citizen-web takes {@code /report-119/*}). */
    static final int ORDER = ServiceRoutes.PAGE_ORDER - 1;
    /** The name this path's refusals are counted under in {@code portal_gateway_rejected_total}. */
    static final String METRIC_ROUTE = "fallback-119";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final long FORM_MIN_RATE = 1024;
    private static final long FORM_MAX_HEADERS = 32 * 1024;
    private static final Logger LOG = Logger.getLogger(FallbackReports.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FallbackConfig config;
    private final FallbackPages pages;
    private final RequestLimits limits;
    private final RelayRoutes relay;
    private final TrustedForwarders forwarders;
    private final RequestRules rules;

    FallbackReports(FallbackConfig config, FallbackPages pages, RequestLimits limits, RelayRoutes relay,
                    TrustedForwarders forwarders) {
        this.config = config;
        this.pages = pages;
        this.limits = limits;
        this.relay = relay;
        this.forwarders = forwarders;
        long max = config.maxFormBody().asLongValue();
        this.rules = new RequestRules(max, max, FORM_MAX_HEADERS, config.formTimeout(), FORM_MIN_RATE, Set.of(FORM), false);
    }

    void mount(@Observes Router router) {
        router.post(config.reportPath()).order(ORDER).handler(ctx -> {
            if (limits.check(ctx, METRIC_ROUTE, rules)) {
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
            // Nothing was sent: the same key stays with the form.
            page(ctx, 400, FallbackPages.CITIZEN, report, wrong, Map.of());
            return;
        }
        String key = report.validKey();
        boolean generated = key == null;
        String sentKey = generated ? UUID.randomUUID().toString() : key;
        HttpServerRequest request = ctx.request();
        String client = forwarders.clientOf(request);
        String host = request.authority() == null ? null : request.authority().toString();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set("Content-Type", "application/json")
                .set("Accept", "application/json")
                .set(IdempotencyKey.HEADER, sentKey)
                .set(TrustedForwarders.X_FORWARDED_FOR, client)
                .set("X-Forwarded-Proto", request.scheme());
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        relay.deliverOrHold(new OutgoingReport(headers, Buffer.buffer(report.json()), host), sentKey, generated,
                        "application/json", client)
                .onComplete(done -> {
                    if (done.failed()) {
                        page(ctx, 503, FallbackPages.FAILED, report, Set.of(), Map.of());
                    } else if (done.result() instanceof Relayed.Held held) {
                        page(ctx, 202, FallbackPages.HELD, report, Set.of(), Map.of(
                                "number", held.receipt().id().toString(),
                                "followUrl", RelayRoutes.followUrl(held.receipt())));
                    } else {
                        answered(ctx, report, ((Relayed.Answered) done.result()).answer());
                    }
                });
    }

    private void answered(RoutingContext ctx, FallbackReport report, Attempt.Answered answer) {
        JsonNode json = parse(answer.body());
        if (answer.status() >= 200 && answer.status() < 300 && json.hasNonNull("reportId")) {
            String id = json.get("reportId").asText();
            String token = json.path("receiptToken").asText("");
            page(ctx, 201, FallbackPages.DELIVERED, report, Set.of(), Map.of("number", id,
                    "followUrl", config.receiptPage() + id + "?token=" + token));
            return;
        }
        Set<String> wrong = new HashSet<>();
        json.path("errors").forEach(error -> {
            String field = FallbackReport.formField(error.path("field").asText(""));
            if (field != null) {
                wrong.add(field);
            }
        });
        if (answer.status() == 400 && !wrong.isEmpty()) {
            // The service may keep its answer under the key: the corrected form must go with a new one.
            FallbackReport again = new FallbackReport(report.category(), report.description(), report.address(),
                    report.phone(), UUID.randomUUID().toString());
            page(ctx, 400, FallbackPages.CITIZEN, again, wrong, Map.of());
            return;
        }
        LOG.warnf("The fallback 119 form's report was refused by the service: %d", answer.status());
        page(ctx, answer.status() >= 400 ? answer.status() : 502, FallbackPages.FAILED, report, Set.of(), Map.of());
    }

    private void page(RoutingContext ctx, int status, String page, FallbackReport report, Set<String> wrong,
                      Map<String, String> outcome) {
        Answer.html(status, pages.render(page, report, wrong, outcome)).send(ctx);
    }

    private static JsonNode parse(Buffer body) {
        try {
            return JSON.readTree(body.getBytes());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
