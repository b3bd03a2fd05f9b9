package kr.civilportal.gateway.limits;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.atomic.AtomicLong;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.gateway.routing.Answer;
import kr.civilportal.gateway.routing.GatewayConfig;
import kr.civilportal.gateway.status.GatewayMetrics;
import org.jboss.logging.Logger;

/**
 * Each route's request limits, enforced before anything is passed on (issue 17), so that a bad request is the
 * client's problem and never the service's: a refusal is an immediate problem+json and reaches no service, no
 * bulkhead and no circuit breaker.
 *
 * <ol>
 *   <li>What the headers show ({@link #check}, before Quarkus's authentication): header fields over
 *       {@code max-headers} → 431; a declared body over {@code max-body} → 413 before a byte of it is read; a
 *       body whose media type the endpoint does not take → 415; an unreadable Content-Length → 400.</li>
 *   <li>The body ({@link #read}, after the rate limit, before the waiting room, the 119 relay and the bulkhead):
 *       a body up to {@code buffered-up-to} is read whole into memory, within its time
 *       ({@link RequestRules#bodyDeadlineMillis}), so a slow sender holds a connection and some memory for at most
 *       that long, and never a bulkhead place or a connection to a service; too slow → 408. A body of unknown
 *       length (chunked, or HTTP/2 without Content-Length) is read up to the smaller of the two limits, then sent
 *       on with its length; a longer one → 413 asking for a Content-Length.</li>
 * </ol>
 *
 * <p>Bodies larger than {@code buffered-up-to} (only where {@code max-body} allows them: 119 videos) stream
 * through as they arrive: holding tens of megabytes per upload in a small heap would let a few uploads starve
 * everyone. They are few, and their route's bulkhead is sized for them. All bodies held at once share
 * {@code portal.gateway.buffering.budget}; when it is spent a request with a body gets a 503 "busy" at once, except
 * the never-refused ones (the 119 report), which then stream through.
 */
@ApplicationScoped
public class RequestLimits {

    /** Before Quarkus's authentication (-200): what the headers show is refused before a token is even read. */
    public static final int CHECK_ORDER = -300;
    /** After the rate limit (-50), before the waiting room (-20), the 119 relay (-10) and the proxy (0 and up). */
    public static final int READ_ORDER = -40;

    public static final ProblemType CONTENT_TOO_LARGE = new ProblemType("content-too-large", "Content too large", 413);
    public static final ProblemType HEADERS_TOO_LARGE =
            new ProblemType("request-header-fields-too-large", "Request header fields too large", 431);
    public static final ProblemType REQUEST_TIMEOUT = new ProblemType("request-timeout", "Request timeout", 408);

    static final String RULES = "portal.request-rules";
    static final String BODY = "portal.request-body";
    /** After refusing a body still arriving, it is taken in and dropped this long, so the caller reads the answer. */
    private static final long LINGER_MILLIS = 2000;
    /** Per header line besides its name and value: ": " and CRLF. */
    private static final int HEADER_LINE_OVERHEAD = 4;
    private static final int UNKNOWN_LENGTH_INITIAL_BYTES = 8192;
    private static final Logger LOG = Logger.getLogger(RequestLimits.class);

    private final GatewayConfig config;
    private final GatewayMetrics metrics;
    private final Vertx vertx;
    private final Map<String, RouteRules> rules = new HashMap<>();
    private final List<String[]> neverRefused;
    private final long budget;
    private final AtomicLong buffered = new AtomicLong();

    RequestLimits(GatewayConfig config, GatewayMetrics metrics, Vertx vertx) {
        this.config = config;
        this.metrics = metrics;
        this.vertx = vertx;
        this.budget = config.buffering().budget().asLongValue();
        this.neverRefused = config.rateLimit().neverRefuse().stream().map(s -> s.strip().split("\\s+", 2)).toList();
        config.routes().forEach((name, route) -> rules.put(name, RouteRules.of(route)));
    }

    void mount(@Observes Router router) {
        config.routes().forEach((name, route) -> {
            if (route.kind() == GatewayConfig.Kind.WEB_APP) {
                return; // the page routes run both steps themselves, before authentication (routing.ServiceRoutes)
            }
            RouteRules routeRules = rules.get(name);
            for (String path : route.routedPaths()) {
                router.route(path).order(CHECK_ORDER).handler(ctx -> {
                    if (check(ctx, name, routeRules)) {
                        ctx.next();
                    }
                });
                router.route(path).order(READ_ORDER).handler(ctx -> read(ctx, name, ctx::next));
            }
        });
    }

    /** A route's rules. */
    public RouteRules rules(String route) {
        return rules.get(route);
    }

    /** The rules {@link #check} found for this request, or null if it was not checked. */
    public static RequestRules rulesOf(RoutingContext ctx) {
        return ctx.get(RULES);
    }

    /** The body {@link #read} read whole, or null (no body, or one that streams). */
    public static Buffer bodyOf(RoutingContext ctx) {
        return ctx.get(BODY);
    }

    /**
     * Refuses at once what the headers show to be over the route's rules, and remembers the rules for the
     * request. Returns true when the request may go on; false when it has been answered.
     */
    public boolean check(RoutingContext ctx, String route, RouteRules routeRules) {
        HttpServerRequest request = ctx.request();
        return check(ctx, route, routeRules.forRequest(request.method().name(), request.path()));
    }

    /** {@link #check(RoutingContext, String, RouteRules)} with the rules already known. */
    public boolean check(RoutingContext ctx, String route, RequestRules r) {
        HttpServerRequest request = ctx.request();
        ctx.put(RULES, r);
        long headerBytes = 0;
        for (Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + HEADER_LINE_OVERHEAD;
        }
        if (headerBytes > r.maxHeaders()) {
            return refuse(ctx, route, "headers-too-large", HEADERS_TOO_LARGE.problem(
                    "The request's header fields take " + headerBytes + " bytes; at most " + r.maxHeaders()
                            + " are accepted here.",
                    "요청 헤더가 " + headerBytes + "바이트입니다. 이곳에서는 " + r.maxHeaders() + "바이트까지 받습니다."));
        }
        long declared;
        try {
            declared = declaredLength(request);
        } catch (NumberFormatException e) {
            return refuse(ctx, route, "malformed", ProblemType.MALFORMED_REQUEST.problem(
                    "The Content-Length header is not a length.", "Content-Length 헤더 값이 올바르지 않습니다."));
        }
        if (declared > r.maxBody()) {
            return refuse(ctx, route, "body-too-large", tooLarge(declared, r.maxBody()));
        }
        boolean bodyDeclared = declared > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (bodyDeclared && !r.accepts(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            return refuse(ctx, route, "content-type", unsupported(request.getHeader(HttpHeaders.CONTENT_TYPE), r));
        }
        return true;
    }

    /**
     * Reads the request's body whole if it is to be read first, then runs {@code next}; runs it at once when there
     * is no body or the body streams. Answers the caller itself (408, 413, 415, 503) when it cannot go on; a caller
     * who hangs up meanwhile is simply dropped (nothing was passed on, nothing is counted).
     */
    public void read(RoutingContext ctx, String route, Runnable next) {
        HttpServerRequest request = ctx.request();
        RequestRules r = rulesOf(ctx);
        if (r == null || request.isEnded()) {
            next.run();
            return;
        }
        long declared = declaredLength(request); // a number: check() has refused any other
        boolean unknownLength = declared < 0 && (request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || request.version() == HttpVersion.HTTP_2);
        if (declared == 0 || declared < 0 && !unknownLength) {
            next.run();
            return;
        }
        if (!r.readsFirst(declared)) {
            continueExpected(ctx);
            next.run();
            return;
        }
        if (!reserve(Math.max(0, declared))) {
            if (declared > 0 && neverRefused(request)) {
                LOG.warnf("Request body budget (%d bytes) in use: %s %s streams through", budget, request.method(),
                        request.path());
                continueExpected(ctx);
                next.run();
            } else {
                refuse(ctx, route, "buffer-full", ProblemType.SERVICE_UNAVAILABLE.problem(
                        "The portal is taking in too many uploads at once. Please try again in a moment.",
                        "지금 포털에 올라오는 자료가 너무 많습니다. 잠시 후 다시 시도해 주세요."));
            }
            return;
        }
        new BodyReader(ctx, route, r, declared, next).start();
    }

    /** One body being read; everything runs on the request's event loop. */
    private final class BodyReader {
        private final RoutingContext ctx;
        private final String route;
        private final RequestRules rules;
        private final long declared;
        private final Runnable next;
        private Buffer bytes;
        private long reserved;
        private long timer;
        private boolean over;

        BodyReader(RoutingContext ctx, String route, RequestRules rules, long declared, Runnable next) {
            this.ctx = ctx;
            this.route = route;
            this.rules = rules;
            this.declared = declared;
            this.next = next;
            this.reserved = Math.max(0, declared);
        }

        private int length() {
            return bytes == null ? 0 : bytes.length();
        }

        void start() {
            HttpServerRequest request = ctx.request();
            // The memory is given back when the exchange is over, whichever way (sent, failed, caller gone).
            ctx.addEndHandler(ar -> release(reserved));
            timer = vertx.setTimer(rules.bodyDeadlineMillis(declared), id -> {
                if (finish()) {
                    LOG.debugf("%s %s: body not in after %d ms", request.method(), request.path(),
                            rules.bodyDeadlineMillis(declared));
                    refuse(ctx, route, "body-timeout", REQUEST_TIMEOUT.problem(
                            "The request body did not arrive in time (" + length() + " bytes received).",
                            "요청 본문이 제시간에 도착하지 않았습니다."));
                }
            });
            request.handler(chunk -> {
                if (over) {
                    return;
                }
                long after = length() + (long) chunk.length();
                if (declared < 0 && after > rules.unknownLengthLimit()) {
                    finish();
                    refuse(ctx, route, "body-too-large", unknownTooLarge(rules));
                    return;
                }
                if (declared < 0) {
                    if (!reserve(chunk.length())) {
                        finish();
                        refuse(ctx, route, "buffer-full", ProblemType.SERVICE_UNAVAILABLE.problem(
                                "The portal is taking in too many uploads at once. Please try again in a moment.",
                                "지금 포털에 올라오는 자료가 너무 많습니다. 잠시 후 다시 시도해 주세요."));
                        return;
                    }
                    reserved += chunk.length();
                }
                if (bytes == null) {
                    // Allocated when the body begins to arrive: a sender that declares a length and sends nothing
                    // costs no memory.
                    bytes = Buffer.buffer((int) (declared > 0 ? declared : UNKNOWN_LENGTH_INITIAL_BYTES));
                }
                bytes.appendBuffer(chunk);
            });
            request.exceptionHandler(failure -> finish());
            request.endHandler(v -> {
                if (!finish()) {
                    return;
                }
                if (declared < 0 && length() > 0 && !rules.accepts(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
                    refuse(ctx, route, "content-type", unsupported(request.getHeader(HttpHeaders.CONTENT_TYPE), rules));
                    return;
                }
                ctx.put(BODY, bytes == null ? Buffer.buffer() : bytes);
                next.run();
            });
            continueExpected(ctx);
            request.resume();
        }

        /** The first to call this decides what becomes of the body; later calls return false. */
        private boolean finish() {
            if (over) {
                return false;
            }
            over = true;
            vertx.cancelTimer(timer);
            return true;
        }
    }

    /** Answers with the problem (and counts the refusal); a body still arriving is drained for a moment, then the connection closed. */
    private boolean refuse(RoutingContext ctx, String route, String reason, Problem problem) {
        metrics.rejected(route, reason);
        HttpServerRequest request = ctx.request();
        Answer answer = Answer.problem(problem, request.path());
        boolean draining = !request.isEnded() && request.version() != HttpVersion.HTTP_2;
        if (draining) {
            answer.with("Connection", "close");
        }
        answer.send(ctx);
        if (draining) {
            long linger = vertx.setTimer(LINGER_MILLIS, id -> request.connection().close());
            request.handler(chunk -> { });
            request.exceptionHandler(failure -> vertx.cancelTimer(linger));
            request.endHandler(v -> {
                vertx.cancelTimer(linger);
                request.connection().close();
            });
            request.resume();
        }
        return false;
    }

    private static void continueExpected(RoutingContext ctx) {
        String expect = ctx.request().getHeader(HttpHeaders.EXPECT);
        if (expect != null && expect.equalsIgnoreCase("100-continue") && !ctx.response().headWritten()) {
            ctx.response().writeContinue();
        }
    }

    private boolean neverRefused(HttpServerRequest request) {
        String method = request.method().name();
        String path = request.path();
        for (String[] rule : neverRefused) {
            if (rule.length == 2 && rule[0].equalsIgnoreCase(method) && (path.equals(rule[1]) || path.equals(rule[1] + "/"))) {
                return true;
            }
        }
        return false;
    }

    private boolean reserve(long bytes) {
        while (true) {
            long now = buffered.get();
            if (now + bytes > budget) {
                return false;
            }
            if (buffered.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    private void release(long bytes) {
        buffered.addAndGet(-bytes);
    }

    /** Bytes of request bodies held in memory now. */
    public long bufferedBytes() {
        return buffered.get();
    }

    /** The declared Content-Length, or -1 when there is none; throws when it is not a number. */
    private static long declaredLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        long length = Long.parseLong(value.strip());
        if (length < 0) {
            throw new NumberFormatException("negative length");
        }
        return length;
    }

    private static Problem tooLarge(long bytes, long max) {
        return CONTENT_TOO_LARGE.problem(
                "The request body has " + bytes + " bytes; at most " + max + " are accepted here.",
                "요청 본문이 " + bytes + "바이트입니다. 이곳에서는 " + max + "바이트까지 받습니다.");
    }

    private static Problem unknownTooLarge(RequestRules rules) {
        long max = rules.unknownLengthLimit();
        if (max >= rules.maxBody()) {
            return CONTENT_TOO_LARGE.problem("The request body has more than " + max + " bytes, the most accepted here.",
                    "요청 본문이 이곳에서 받는 " + max + "바이트를 넘습니다.");
        }
        return CONTENT_TOO_LARGE.problem(
                "A request body without a Content-Length may have at most " + max + " bytes here. "
                        + "Send a larger body with its Content-Length.",
                "길이(Content-Length)가 없는 요청 본문은 이곳에서 " + max + "바이트까지 받습니다. "
                        + "더 큰 본문은 Content-Length 헤더와 함께 보내 주세요.");
    }

    private static Problem unsupported(String contentType, RequestRules rules) {
        String given = contentType == null ? "none" : RequestRules.mediaType(contentType);
        String accepted = String.join(", ", rules.contentTypes().stream().sorted().toList());
        return ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(
                "A body of type " + given + " is not accepted here; send one of: " + accepted + ".",
                "이곳에서는 " + given.toLowerCase(Locale.ROOT) + " 형식의 본문을 받지 않습니다. 받는 형식: " + accepted);
    }
}
