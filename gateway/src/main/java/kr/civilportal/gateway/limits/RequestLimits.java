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
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.atomic.AtomicLong;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.gateway.routing.Answer;
import kr.civilportal.gateway.routing.GatewayConfig;
import kr.civilportal.gateway.status.GatewayMetrics;

/**
 * Each route's request limits, enforced before anything is passed on: a bad request is the client's
 * problem, never the service's. A refusal is an immediate problem+json and reaches no service, bulkhead or circuit.
 * {@link #check} (before authentication) refuses what the headers show: header fields over {@code max-headers}
 * (431), a declared body over {@code max-body} (413, before a byte of it is read), a media type the endpoint does
 * not take (415). {@link #read} (after the rate limit, before the waiting room, the relay and the bulkhead) reads a
 * body up to {@code buffered-up-to} whole within its time, so a slow sender holds a connection and some memory for
 * that long at most, never a bulkhead place or a service's connection (too slow: 408); a body of unknown length is
 * read up to the smaller limit and sent on with its length. Larger bodies stream through: holding tens of megabytes
 * per upload would let a few uploads starve a small heap (gateway/README.md, "Request limits"). The bodies held at
 * once share {@code buffering.budget}: beyond it a 503 "busy", or for a never-refused path (119) a stream.
 */
@ApplicationScoped
public class RequestLimits {

    /** Before Quarkus's authentication (-200): what the headers show is refused before a token is read. */
    public static final int CHECK_ORDER = -300;
    /** After the rate limit (-50), before the waiting room (-20), the 119 relay (-10) and the proxy. */
    public static final int READ_ORDER = -40;

    private static final String RULES = "portal.request-rules";
    private static final String BODY = "portal.request-body";
    /** A refused body still arriving is taken in and dropped this long, so the caller can read the answer. */
    private static final long LINGER_MILLIS = 2000;
    /**
     * ...and at most this much of it. Most clients (Apache HttpClient, Java's) read no answer before they have sent
     * the whole body: closing sooner makes them see a broken pipe instead of the 413. Beyond this, a client that
     * pushes on (200 MB to a 64 KB endpoint) costs the gateway no more than this per try.
     */
    private static final long LINGER_MAX_BYTES = 16L * 1024 * 1024;
    /** Per header line besides name and value: ": " and CRLF. */
    private static final int HEADER_LINE_OVERHEAD = 4;
    /** "HTTP/1.1" */
    private static final int HTTP_VERSION_BYTES = 8;
    private static final int UNKNOWN_LENGTH_INITIAL_BYTES = 8192;

    private final GatewayConfig config;
    private final GatewayMetrics metrics;
    private final Vertx vertx;
    private final Map<String, RouteRules> rules = new HashMap<>();
    private final List<String> neverRefused;
    private final AtomicLong buffered = new AtomicLong();

    RequestLimits(GatewayConfig config, GatewayMetrics metrics, Vertx vertx) {
        this.config = config;
        this.metrics = metrics;
        this.vertx = vertx;
        this.neverRefused = config.rateLimit().neverRefuse().stream()
                .map(s -> s.strip().replaceAll("\\s+", " ")).toList();
        config.routes().forEach((name, route) -> rules.put(name, RouteRules.of(route)));
    }

    void mount(@Observes Router router) {
        config.routes().forEach((name, route) -> {
            // A web app's route runs both steps itself (ServiceRoutes).
            if (route.kind() == GatewayConfig.Kind.SERVICE) {
                for (String path : route.routedPaths()) {
                    router.route(path).order(CHECK_ORDER).handler(ctx -> {
                        if (check(ctx, name, rules.get(name))) {
                            ctx.next();
                        }
                    });
                    router.route(path).order(READ_ORDER).handler(ctx -> read(ctx, name, ctx::next));
                }
            }
        });
    }

    public RouteRules rules(String route) {
        return rules.get(route);
    }

    /** The rules {@link #check} found for this request, or null. */
    public static RequestRules rulesOf(RoutingContext ctx) {
        return ctx.get(RULES);
    }

    /** The body {@link #read} read whole, or null (no body, or one that streams). */
    public static Buffer bodyOf(RoutingContext ctx) {
        return ctx.get(BODY);
    }

    public boolean check(RoutingContext ctx, String route, RouteRules routeRules) {
        return check(ctx, route, routeRules.forRequest(ctx.request().method().name(), ctx.request().path()));
    }

    /** Refuses what the headers show to be over the rules; true when the request may go on. */
    public boolean check(RoutingContext ctx, String route, RequestRules r) {
        HttpServerRequest request = ctx.request();
        ctx.put(RULES, r);
        long requestLine = requestLineBytes(request);
        if (requestLine > r.maxRequestLine()) {
            return refuse(ctx, route, "uri-too-long", ProblemType.URI_TOO_LONG.problem("The request line takes "
                    + requestLine + " bytes; at most " + r.maxRequestLine() + " are accepted here.", "요청 주소가 "
                    + requestLine + "바이트입니다. 이곳에서는 " + r.maxRequestLine() + "바이트까지 받습니다."));
        }
        long headerBytes = 0;
        for (Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + HEADER_LINE_OVERHEAD;
        }
        if (headerBytes > r.maxHeaders()) {
            return refuse(ctx, route, "headers-too-large", ProblemType.HEADER_FIELDS_TOO_LARGE.problem("The request's header fields take "
                    + headerBytes + " bytes; at most " + r.maxHeaders() + " are accepted here.", "요청 헤더가 "
                    + headerBytes + "바이트입니다. 이곳에서는 " + r.maxHeaders() + "바이트까지 받습니다."));
        }
        long declared;
        try {
            declared = declaredLength(request);
        } catch (NumberFormatException e) {
            return refuse(ctx, route, "malformed", ProblemType.MALFORMED_REQUEST.problem(
                    "The Content-Length header is not a length.", "Content-Length 헤더 값이 올바르지 않습니다."));
        }
        if (declared > r.maxBody()) {
            return refuse(ctx, route, "body-too-large", tooLarge("has " + declared + " bytes", r.maxBody(), ""));
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        boolean body = declared > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        return !body || r.accepts(type) || refuse(ctx, route, "content-type", unsupported(type, r));
    }

    /**
     * Reads the body whole if it is to be read first, then runs {@code next} (at once when there is no body or it
     * streams). Answers the caller itself when it cannot go on; a caller who hangs up is simply dropped.
     */
    public void read(RoutingContext ctx, String route, Runnable next) {
        HttpServerRequest request = ctx.request();
        RequestRules r = rulesOf(ctx);
        long declared = r == null || request.isEnded() ? 0 : declaredLength(request); // a number: check() saw to it
        boolean unknown = declared < 0 && (request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || request.version() == HttpVersion.HTTP_2);
        if (declared == 0 || declared < 0 && !unknown) {
            next.run();
        } else if (!r.readsFirst(declared)) {
            continueExpected(ctx);
            next.run();
        } else if (reserve(Math.max(0, declared))) {
            readBody(ctx, route, r, declared, next);
        } else if (declared > 0 && neverRefused.contains(request.method().name() + " " + request.path())) {
            continueExpected(ctx); // a 119 report is never refused: it streams, unheld
            next.run();
        } else {
            busy(ctx, route);
        }
    }

    private void readBody(RoutingContext ctx, String route, RequestRules r, long declared, Runnable next) {
        HttpServerRequest request = ctx.request();
        long[] reserved = {Math.max(0, declared)};
        Buffer[] bytes = {null}; // allocated when the body begins to arrive: declaring a length costs no memory
        boolean[] over = {false};
        ctx.addEndHandler(ar -> buffered.addAndGet(-reserved[0])); // sent, failed or caller gone
        long timer = vertx.setTimer(r.bodyDeadlineMillis(declared), id -> {
            over[0] = true;
            refuse(ctx, route, "body-timeout", ProblemType.REQUEST_TIMEOUT.problem("The request body did not arrive in time.",
                    "요청 본문이 제시간에 도착하지 않았습니다."));
        });
        Runnable stop = () -> {
            over[0] = true;
            vertx.cancelTimer(timer);
        };
        request.handler(chunk -> {
            int had = bytes[0] == null ? 0 : bytes[0].length();
            if (over[0]) {
                return;
            } else if (declared < 0 && had + chunk.length() > r.unknownLengthLimit()) {
                stop.run();
                refuse(ctx, route, "body-too-large", tooLarge("has more than " + r.unknownLengthLimit() + " bytes",
                        r.unknownLengthLimit(), r.unknownLengthLimit() < r.maxBody()
                                ? " Send a larger body with its Content-Length." : ""));
            } else if (declared < 0 && !reserve(chunk.length())) {
                stop.run();
                busy(ctx, route);
            } else {
                reserved[0] += declared < 0 ? chunk.length() : 0;
                if (bytes[0] == null) {
                    bytes[0] = Buffer.buffer((int) (declared > 0 ? declared : UNKNOWN_LENGTH_INITIAL_BYTES));
                }
                bytes[0].appendBuffer(chunk);
            }
        });
        request.exceptionHandler(failure -> stop.run());
        request.endHandler(v -> {
            if (over[0]) {
                return;
            }
            stop.run();
            Buffer body = bytes[0] == null ? Buffer.buffer() : bytes[0];
            String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
            if (declared < 0 && body.length() > 0 && !r.accepts(type)) {
                refuse(ctx, route, "content-type", unsupported(type, r));
                return;
            }
            ctx.put(BODY, body);
            next.run();
        });
        continueExpected(ctx);
        request.resume();
    }

    /** Answers with the problem; a body still arriving is drained a moment, then the connection closed. */
    /** "METHOD target HTTP/1.1" as it came (the target still percent-encoded), as the services' servers count it. */
    static long requestLineBytes(HttpServerRequest request) {
        return request.method().name().length() + 1L + request.uri().length() + 1L + HTTP_VERSION_BYTES;
    }

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
            long[] drained = {0};
            request.handler(chunk -> {
                drained[0] += chunk.length();
                if (drained[0] > LINGER_MAX_BYTES) {
                    vertx.cancelTimer(linger);
                    request.connection().close();
                }
            });
            request.exceptionHandler(failure -> vertx.cancelTimer(linger));
            request.endHandler(v -> request.connection().close());
            request.resume();
        }
        return false;
    }

    private void busy(RoutingContext ctx, String route) {
        refuse(ctx, route, "buffer-full", ProblemType.SERVICE_UNAVAILABLE.problem(
                "The portal is taking in too many uploads at once. Please try again in a moment.",
                "지금 포털에 올라오는 자료가 너무 많습니다. 잠시 후 다시 시도해 주세요."));
    }

    private static void continueExpected(RoutingContext ctx) {
        String expect = ctx.request().getHeader(HttpHeaders.EXPECT);
        if ("100-continue".equalsIgnoreCase(expect) && !ctx.response().headWritten()) {
            ctx.response().writeContinue();
        }
    }

    private boolean reserve(long bytes) {
        long budget = config.buffering().budget().asLongValue();
        long now;
        do {
            now = buffered.get();
            if (now + bytes > budget) {
                return false;
            }
        } while (!buffered.compareAndSet(now, now + bytes));
        return true;
    }

    /** The declared Content-Length, -1 when none; NumberFormatException when it is not a length. */
    private static long declaredLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long length = value == null ? -1 : Long.parseLong(value.strip());
        if (value != null && length < 0) {
            throw new NumberFormatException("negative length");
        }
        return length;
    }

    private static Problem tooLarge(String what, long max, String advice) {
        return ProblemType.CONTENT_TOO_LARGE.problem("The request body " + what + "; at most " + max + " are accepted here."
                + advice,
                "요청 본문이 너무 큽니다. 이곳에서는 " + max + "바이트까지 받습니다.");
    }

    private static Problem unsupported(String contentType, RequestRules rules) {
        String given = contentType == null ? "none" : RequestRules.mediaType(contentType);
        String accepted = String.join(", ", rules.contentTypes().stream().sorted().toList());
        return ProblemType.UNSUPPORTED_MEDIA_TYPE.problem("A body of type " + given
                + " is not accepted here; send one of: " + accepted + ".", "이곳에서는 " + given
                + " 형식의 본문을 받지 않습니다. 받는 형식: " + accepted);
    }
}
