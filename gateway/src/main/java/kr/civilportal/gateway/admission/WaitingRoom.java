package kr.civilportal.gateway.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.gateway.routing.GatewayConfig;
import kr.civilportal.gateway.status.WaitingRoomQueue;
import org.jboss.logging.Logger;

/**
 * The waiting room (대기실) in front of routes that see rushes (passport booking days): when a route has as
 * many requests in flight as it can take, a citizen's new request is not refused but given a signed ticket
 * with a place in the queue. API callers get {@code 202} with the ticket and poll it; browsers are sent to a
 * page that refreshes itself. Tickets are let in in order at the configured rate; a let-in ticket is a pass
 * ({@code Portal-Admission} header or cookie) for a short while. Officials and 119 reports never queue.
 *
 * <p>The queues live in this process's memory: with one gateway that is the whole truth. Several gateway
 * replicas would each queue their own callers against their own share of the capacity (capacity and rate
 * divided by the replica count), or share one queue in a store such as Redis or PostgreSQL with one admitter;
 * and a ticket from one replica must then be honoured by the others (the signing key is shared already).
 */
@ApplicationScoped
public class WaitingRoom implements WaitingRoomQueue {

    public static final String PASS_HEADER = "Portal-Admission";
    public static final String PASS_COOKIE = "portal-admission";
    public static final String TICKETS_PATH = "/api/waiting-room/tickets/";
    public static final String PAGE_PATH = "/waiting-room";
    /** Before the service routes and the relay, after authentication and authorization (orders -200, -100). */
    static final int ORDER = -20;
    static final ProblemType TICKET_INVALID = new ProblemType("waiting-room-ticket-invalid", "Invalid waiting-room ticket", 400);
    static final ProblemType TICKET_EXPIRED = new ProblemType("waiting-room-ticket-expired", "Waiting-room ticket expired", 410);
    private static final Logger LOG = Logger.getLogger(WaitingRoom.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WaitingRoomConfig config;
    private final GatewayConfig gateway;
    private final TicketSigner signer;
    /** This process's queues are new: tickets from an earlier process (or another replica) are not in them. */
    private final String epoch;
    private final Map<String, RouteQueue> queues = new LinkedHashMap<>();
    private final Vertx vertx;
    private long timer = -1;

    WaitingRoom(WaitingRoomConfig config, GatewayConfig gateway, Vertx vertx, MeterRegistry registry) {
        this.config = config;
        this.gateway = gateway;
        this.vertx = vertx;
        this.signer = new TicketSigner(config.secret());
        byte[] e = new byte[4];
        new SecureRandom().nextBytes(e);
        this.epoch = HexFormat.of().formatHex(e);
        config.routes().forEach((route, limits) -> {
            if (!gateway.routes().containsKey(route)) {
                throw new IllegalStateException("Waiting room for unknown route " + route);
            }
            GatewayConfig.Bulkhead bulkhead = gateway.routes().get(route).bulkhead();
            if (limits.capacity() > bulkhead.maxConcurrent() + bulkhead.queue()) {
                // Above the bulkhead, the waiting room lets in citizens the bulkhead then refuses with a 503.
                LOG.warnf("Waiting room of %s lets in %d at once, more than its bulkhead takes (%d + %d queued): "
                        + "citizens above that get a 503 instead of a ticket", route, limits.capacity(),
                        bulkhead.maxConcurrent(), bulkhead.queue());
            }
            RouteQueue queue = new RouteQueue(route, limits.capacity(), limits.admissionRate(),
                    config.passValidity().toMillis(), config.abandonAfter().toMillis());
            queues.put(route, queue);
            // The queue length is published by status/GatewayMetrics through WaitingRoomQueue, with the routes'
            // other gauges.
            Gauge.builder("portal.gateway.waiting.room.in.flight", queue, RouteQueue::inFlight)
                    .description("Requests in flight through the waiting room, per route").tag("route", route)
                    .register(registry);
        });
    }

    /** Tickets waiting on a route (0 for a route without a waiting room), e.g. for the status page. */
    @Override
    public int queueLength(String route) {
        RouteQueue queue = queues.get(route);
        return queue == null ? 0 : queue.queueLength();
    }

    /** Requests in flight through a route's waiting room (0 for a route without one). */
    public int inFlight(String route) {
        RouteQueue queue = queues.get(route);
        return queue == null ? 0 : queue.inFlight();
    }

    /** Every configured route's queue length. */
    public Map<String, Integer> queueLengths() {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        queues.forEach((route, queue) -> lengths.put(route, queue.queueLength()));
        return lengths;
    }

    void mount(@Observes Router router) {
        queues.forEach((route, queue) -> {
            for (String path : gateway.routes().get(route).routedPaths()) {
                router.route(path).order(ORDER).handler(ctx -> admit(ctx, queue));
                LOG.infof("Waiting room on %s: capacity %d in flight", path, queue.capacity());
            }
        });
        long tick = config.tick().toMillis();
        timer = vertx.setPeriodic(tick, id -> {
            long now = System.currentTimeMillis();
            queues.values().forEach(q -> q.admit(now));
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void admit(RoutingContext ctx, RouteQueue queue) {
        identity(ctx, identity -> {
            if (identity != null && config.bypassRoles().stream().anyMatch(identity::hasRole)) {
                queue.enterUnqueued();
                proceed(ctx, queue);
                return;
            }
            long now = System.currentTimeMillis();
            String header = ctx.request().getHeader(PASS_HEADER);
            Cookie cookie = ctx.request().getCookie(PASS_COOKIE);
            String pass = header != null ? header : cookie == null ? null : cookie.getValue();
            if (pass != null) {
                Optional<Ticket> ticket = ticketFor(queue, pass, header != null, ctx);
                if (ctx.response().ended()) {
                    return;
                }
                if (ticket.isPresent()) {
                    long number = ticket.get().number();
                    if (queue.enterWithPass(number, now)) {
                        proceed(ctx, queue);
                        return;
                    }
                    if (queue.status(number, now) instanceof RouteQueue.Status.Waiting w) {
                        queued(ctx, queue, pass, number, w.position());
                        return;
                    }
                    if (header != null) {
                        problem(ctx, expired());
                        return;
                    }
                }
                // An unusable cookie (expired pass, earlier gateway) is no reason to refuse: queue afresh.
            }
            RouteQueue.Arrival arrival = queue.arrive(now);
            if (arrival instanceof RouteQueue.Arrival.Queued q) {
                String ticket = signer.sign(new Ticket(epoch, queue.route(), q.number(), now));
                queued(ctx, queue, ticket, q.number(), q.position());
            } else {
                proceed(ctx, queue);
            }
        });
    }

    /** The ticket in a pass, if it is one for this route from this gateway; a bad header gets its problem. */
    private Optional<Ticket> ticketFor(RouteQueue queue, String pass, boolean fromHeader, RoutingContext ctx) {
        Ticket ticket;
        try {
            ticket = signer.verify(pass);
        } catch (TicketSigner.ForgedTicketException e) {
            if (fromHeader) {
                problem(ctx, invalid());
            }
            return Optional.empty();
        }
        if (!ticket.route().equals(queue.route())) {
            if (fromHeader) {
                problem(ctx, TICKET_INVALID.problem("This ticket is for another service's waiting room.",
                        "다른 서비스의 대기표입니다."));
            }
            return Optional.empty();
        }
        if (!ticket.epoch().equals(epoch)) {
            if (fromHeader) {
                problem(ctx, expired());
            }
            return Optional.empty();
        }
        return Optional.of(ticket);
    }

    private static void proceed(RoutingContext ctx, RouteQueue queue) {
        AtomicBoolean left = new AtomicBoolean();
        ctx.addEndHandler(done -> {
            if (left.compareAndSet(false, true)) {
                queue.leave();
            }
        });
        if (ctx.response().closed() || ctx.response().ended()) {
            // The caller left before getting here (the identity can be resolved asynchronously): the end handlers
            // have run already and will not run again, so its place in flight is given back now, not never.
            if (left.compareAndSet(false, true)) {
                queue.leave();
            }
            return;
        }
        ctx.next();
    }

    private void queued(RoutingContext ctx, RouteQueue queue, String ticket, long number, int position) {
        String path = ctx.request().uri();
        String accept = ctx.request().getHeader("Accept");
        if ("GET".equals(ctx.request().method().name()) && accept != null && accept.contains("text/html")) {
            ctx.response().setStatusCode(303)
                    .putHeader("Location", PAGE_PATH + "?ticket=" + encode(ticket) + "&return=" + encode(path))
                    .putHeader("Cache-Control", "no-store").end();
            return;
        }
        TicketView view = TicketView.waiting(ticket, queue.route(), number, position,
                queue.estimatedWaitSeconds(position));
        try {
            ctx.response().setStatusCode(202)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Retry-After", Long.toString(config.pollInterval().toSeconds()))
                    .putHeader("Location", view.pollUrl())
                    .putHeader("Cache-Control", "no-store")
                    .end(JSON.writeValueAsString(view));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    /** What {@code GET /api/waiting-room/tickets/{ticket}} answers; {@link TicketException} for 400/410. */
    public TicketView status(String text) {
        Ticket ticket;
        try {
            ticket = signer.verify(text);
        } catch (TicketSigner.ForgedTicketException e) {
            throw new TicketException(invalid());
        }
        RouteQueue queue = queues.get(ticket.route());
        if (queue == null || !ticket.epoch().equals(epoch)) {
            throw new TicketException(expired());
        }
        long now = System.currentTimeMillis();
        RouteQueue.Status status = queue.status(ticket.number(), now);
        if (status instanceof RouteQueue.Status.Waiting w) {
            return TicketView.waiting(text, ticket.route(), ticket.number(), w.position(),
                    queue.estimatedWaitSeconds(w.position()));
        }
        if (status instanceof RouteQueue.Status.Admitted a) {
            return TicketView.admitted(text, ticket.route(), ticket.number(), a.admittedAt(), a.passExpiresAt());
        }
        throw new TicketException(expired());
    }

    public WaitingRoomConfig config() {
        return config;
    }

    static Problem invalid() {
        return TICKET_INVALID.problem("This is not a valid waiting-room ticket.", "유효하지 않은 대기표입니다.");
    }

    static Problem expired() {
        return TICKET_EXPIRED.problem("This waiting-room ticket has expired. Please make your request again to "
                + "get a new place in the queue.", "대기표가 만료되었습니다. 다시 요청하시면 새 대기 순번을 받습니다.");
    }

    /** A ticket the caller cannot use: a 400 (forged) or 410 (expired) problem. */
    public static final class TicketException extends RuntimeException {
        private final transient Problem problem;

        TicketException(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private static void problem(RoutingContext ctx, Problem problem) {
        try {
            ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(JSON.writeValueAsString(problem.withInstance(ctx.request().path())));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    /** The caller's identity if a token was sent (checked already by the permission for the path). */
    private static void identity(RoutingContext ctx, Consumer<SecurityIdentity> then) {
        if (ctx.user() instanceof QuarkusHttpUser user) {
            then.accept(user.getSecurityIdentity());
            return;
        }
        Uni<SecurityIdentity> deferred = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (deferred == null) {
            then.accept(null);
            return;
        }
        deferred.subscribe().with(then, failure -> then.accept(null));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
