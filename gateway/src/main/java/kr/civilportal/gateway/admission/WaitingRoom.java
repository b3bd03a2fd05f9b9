package kr.civilportal.gateway.admission;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.gateway.routing.Answer;
import kr.civilportal.gateway.routing.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * The waiting room (대기실) in front of routes that see rushes (passport booking days): when a route has as
 * many requests in flight as it can take, a citizen's new request is not refused but given a signed ticket
 * with a place in the queue. API callers get {@code 202} with the ticket and poll it; browsers are sent to a
 * page that asks for them. Tickets are let in in order at the configured rate; a let-in ticket is a pass
 * ({@code Portal-Admission} header or cookie) for a short while. Officials and 119 reports never queue.
 *
 * <p>One queue per route for all gateway replicas ({@link SharedStore}, the gateway's PostgreSQL): numbers from
 * one counter, one admitter at a time moving the "let in through N" mark at the route's rate, the route's
 * capacity counted over every replica's reports, polls on any replica keeping a ticket alive, and a ticket signed
 * by one replica honoured by all (the key is shared, the epoch is the shared queue's). Each replica reads the
 * shared state every {@code tick} and decides on the event loop from that copy ({@link RouteDoor}); what needs the
 * store (a new number, a pass above the copy's mark) is done off the loop. With the store unreachable each
 * replica queues its own newcomers ({@link RouteQueue}, with its share of the capacity and rate) until the store
 * is back.
 */
@ApplicationScoped
public class WaitingRoom {

    public static final String PASS_HEADER = "Portal-Admission";
    public static final String PASS_COOKIE = "portal-admission";
    public static final String TICKETS_PATH = "/api/waiting-room/tickets/";
    public static final String PAGE_PATH = "/waiting-room";
    /** Before the service routes and the relay, after authentication and authorization (orders -200, -100). */
    static final int ORDER = -20;
    static final ProblemType TICKET_INVALID = new ProblemType("waiting-room-ticket-invalid", "Invalid waiting-room ticket", 400);
    static final ProblemType TICKET_EXPIRED = new ProblemType("waiting-room-ticket-expired", "Waiting-room ticket expired", 410);
    private static final Logger LOG = Logger.getLogger(WaitingRoom.class);
    /** A replica's reports must outlive a few late ticks (a GC pause, a slow statement). */
    static final int MIN_TICKS_PER_TTL = 5;

    private final WaitingRoomConfig config;
    private final GatewayConfig gateway;
    private final TicketSigner signer;
    private final SharedStore shared;
    private final Map<String, RouteDoor> doors = new LinkedHashMap<>();
    private final Vertx vertx;
    private final AdmissionStore store;
    private final AdmissionSync sync;
    /** Set at start, read on the event loops. */
    private volatile TicketIssuer issuer;
    private ScheduledExecutorService syncThread;
    private long timer = -1;

    WaitingRoom(WaitingRoomConfig config, GatewayConfig gateway, SharedStore shared, Vertx vertx,
                MeterRegistry registry) {
        this.config = config;
        this.gateway = gateway;
        this.shared = shared;
        this.vertx = vertx;
        this.signer = new TicketSigner(config.secret());
        // This process's own queues (used while the store is out) are new: tickets from another process's own
        // queue are not in them.
        byte[] e = new byte[4];
        new SecureRandom().nextBytes(e);
        String localEpoch = HexFormat.of().formatHex(e);
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
            RouteQueue local = new RouteQueue(route, limits.capacity(), limits.admissionRate(),
                    config.passValidity().toMillis(), config.abandonAfter().toMillis());
            SharedQueue queue = shared.enabled() ? new SharedQueue(config.passValidity().toMillis()) : null;
            RouteDoor door = new RouteDoor(route, limits.capacity(), limits.admissionRate(), local, queue,
                    shared.link(), localEpoch);
            doors.put(route, door);
            Gauge.builder("portal.gateway.waiting.room.in.flight", door, RouteDoor::inFlight)
                    .description("Requests in flight through the waiting room on this replica, per route")
                    .tag("route", route).register(registry);
        });
        if (config.replicaTtl().compareTo(config.tick().multipliedBy(MIN_TICKS_PER_TTL)) < 0) {
            // Shorter, and a replica that is merely a little late to report is taken for gone: its requests and
            // its claim stop counting, and the others may let in more than the route takes.
            throw new IllegalStateException("portal.gateway.waiting-room.replica-ttl (" + config.replicaTtl()
                    + ") must be at least " + MIN_TICKS_PER_TTL + " ticks (tick " + config.tick() + ")");
        }
        this.store = new PgAdmissionStore(shared.dataSource(), shared.statementTimeoutSeconds());
        this.sync = new AdmissionSync(store, shared.link(), List.copyOf(doors.values()), config.replicaTtl().toMillis(),
                config.abandonAfter().toMillis(), config.passValidity().toMillis());
    }

    /** Tickets waiting on a route, on every replica (0 for a route without a waiting room). */
    public int queueLength(String route) {
        RouteDoor door = doors.get(route);
        return door == null ? 0 : door.queueLength();
    }

    /** Requests in flight on this replica through a route's waiting room (0 for a route without one). */
    int inFlight(String route) {
        RouteDoor door = doors.get(route);
        return door == null ? 0 : door.inFlight();
    }

    void mount(@Observes Router router) {
        doors.forEach((route, door) -> {
            for (String path : gateway.routes().get(route).routedPaths()) {
                router.route(path).order(ORDER).handler(ctx -> admit(ctx, door));
                LOG.infof("Waiting room on %s: capacity %d in flight, %s admitted per second%s", path, door.capacity(),
                        door.rate(), shared.enabled() ? ", over all gateway replicas" : " (this replica alone)");
            }
        });
        long tick = config.tick().toMillis();
        // This replica's own queues: tickets given while the shared store was out are let in here.
        timer = vertx.setPeriodic(tick, id -> {
            long now = System.currentTimeMillis();
            doors.values().forEach(d -> d.admitLocal(now));
        });
    }

    /** The first tick at start, so a replica does not begin alone while the store is there. */
    void start(@Observes StartupEvent event) {
        if (!shared.enabled() || doors.isEmpty()) {
            return;
        }
        // The issuer first: once the first tick has read the queues, newcomers may need numbers.
        issuer = new TicketIssuer(store, shared.link());
        sync.tick(System.currentTimeMillis());
        syncThread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("waiting-room-sync").factory());
        long tick = config.tick().toMillis();
        syncThread.scheduleWithFixedDelay(() -> sync.tick(System.currentTimeMillis()), tick, tick,
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (syncThread != null) {
            syncThread.shutdownNow();
            issuer.close();
            sync.leave();
        }
    }

    private void admit(RoutingContext ctx, RouteDoor door) {
        identity(ctx, identity -> {
            if (identity != null && config.bypassRoles().stream().anyMatch(identity::hasRole)) {
                door.enterUnqueued();
                proceed(ctx, door);
                return;
            }
            String header = ctx.request().getHeader(PASS_HEADER);
            Cookie cookie = ctx.request().getCookie(PASS_COOKIE);
            String pass = header != null ? header : cookie == null ? null : cookie.getValue();
            if (pass != null) {
                Optional<Ticket> ticket = ticketFor(door, pass, header != null, ctx);
                if (Answer.callerGone(ctx.response())) {
                    return;
                }
                if (ticket.isPresent()) {
                    decided(ctx, door, pass, header != null, ticket.get(),
                            door.withPass(ticket.get(), System.currentTimeMillis()));
                    return;
                }
                // An unusable cookie (another route's, not signed here) is no reason to refuse: queue afresh.
            }
            arrive(ctx, door);
        });
    }

    /** A request without a usable pass: in, or a ticket (from the shared queue, or this replica's own). */
    private void arrive(RoutingContext ctx, RouteDoor door) {
        RouteDoor.Decision decision = door.arrive(System.currentTimeMillis());
        if (decision instanceof RouteDoor.Decision.NeedsTicket) {
            Context context = vertx.getOrCreateContext();
            issuer.request(door).whenComplete((issued, failure) -> context.runOnContext(v -> {
                if (failure != null) {
                    // The store is out: this replica's own queue, at its share of the route.
                    newcomer(ctx, door, door.arriveHere(System.currentTimeMillis()));
                } else if (!Answer.callerGone(ctx.response())) {
                    // (A caller who left leaves a ticket nobody polls: it is passed over when its turn comes.)
                    queued(ctx, door, signer.sign(new Ticket(issued.epoch(), door.route(), issued.number(),
                            System.currentTimeMillis())), issued.number(), door.shared().position(issued.number()), true);
                }
            }));
            return;
        }
        newcomer(ctx, door, decision);
    }

    private void newcomer(RoutingContext ctx, RouteDoor door, RouteDoor.Decision decision) {
        if (decision instanceof RouteDoor.Decision.Queued q) {
            String ticket = signer.sign(new Ticket(q.epoch(), door.route(), q.number(), System.currentTimeMillis()));
            queued(ctx, door, ticket, q.number(), q.position(), false);
        } else {
            proceed(ctx, door);
        }
    }

    /** What to do with a request whose pass is a ticket of this route. */
    private void decided(RoutingContext ctx, RouteDoor door, String pass, boolean fromHeader, Ticket ticket,
                         RouteDoor.Decision decision) {
        switch (decision) {
            case RouteDoor.Decision.Enter e -> proceed(ctx, door);
            case RouteDoor.Decision.Queued q ->
                    queued(ctx, door, pass, q.number(), q.position(), door.ofSharedQueue(q.epoch()));
            case RouteDoor.Decision.AskStore a ->
                // Let in a moment ago on another replica? One look in the store, off the event loop.
                    vertx.executeBlocking(() -> store.admittedAt(door.route(), a.number()), false)
                            .onComplete(result -> {
                                if (Answer.callerGone(ctx.response())) {
                                    return;
                                }
                                OptionalLong at = OptionalLong.empty();
                                if (result.succeeded()) {
                                    at = result.result();
                                } else {
                                    shared.link().down(result.cause() instanceof Exception x ? x
                                            : new IllegalStateException(result.cause()));
                                }
                                decided(ctx, door, pass, fromHeader, ticket,
                                        door.afterStore(ticket, at, a.position(), System.currentTimeMillis()));
                            });
            case RouteDoor.Decision.Expired x -> {
                if (fromHeader) {
                    Answer.problem(ctx, expired());
                } else {
                    arrive(ctx, door); // an expired pass cookie: queue afresh
                }
            }
            case RouteDoor.Decision.NeedsTicket n -> arrive(ctx, door);
        }
    }

    /** The ticket in a pass, if it is one for this route signed with the shared key; a bad header gets its problem. */
    private Optional<Ticket> ticketFor(RouteDoor door, String pass, boolean fromHeader, RoutingContext ctx) {
        Problem wrong;
        try {
            Ticket ticket = signer.verify(pass);
            if (ticket.route().equals(door.route())) {
                return Optional.of(ticket);
            }
            wrong = TICKET_INVALID.problem("This ticket is for another service's waiting room.",
                    "다른 서비스의 대기표입니다.");
        } catch (TicketSigner.ForgedTicketException e) {
            wrong = invalid();
        }
        if (fromHeader) {
            Answer.problem(ctx, wrong);
        }
        return Optional.empty();
    }

    private static void proceed(RoutingContext ctx, RouteDoor door) {
        AtomicBoolean left = new AtomicBoolean();
        Runnable leave = () -> {
            if (left.compareAndSet(false, true)) {
                door.leave();
            }
        };
        ctx.addEndHandler(done -> leave.run());
        if (Answer.callerGone(ctx.response())) {
            // The caller left before getting here (the identity can be resolved asynchronously): the end handlers
            // have run already and will not run again, so its place in flight is given back now, not never.
            leave.run();
            return;
        }
        ctx.next();
    }

    private void queued(RoutingContext ctx, RouteDoor door, String ticket, long number, int position,
                        boolean sharedTicket) {
        String accept = ctx.request().getHeader("Accept");
        if ("GET".equals(ctx.request().method().name()) && accept != null && accept.contains("text/html")) {
            if (!Answer.callerGone(ctx.response())) {
                ctx.response().setStatusCode(303).putHeader("Cache-Control", "no-store").putHeader("Location",
                        PAGE_PATH + "?ticket=" + encode(ticket) + "&return=" + encode(ctx.request().uri())).end();
            }
            return;
        }
        TicketView view = TicketView.waiting(ticket, door.route(), number, position,
                door.estimatedWaitSeconds(position, sharedTicket));
        Answer.json(202, view).with("Retry-After", Long.toString(config.pollInterval().toSeconds()))
                .with("Location", view.pollUrl()).with("Cache-Control", "no-store").send(ctx);
    }

    /**
     * What {@code GET /api/waiting-room/tickets/{ticket}} answers, on any replica; {@link TicketException} for
     * 400/410. Read from this replica's copy of the shared queue (at most a tick old): no store call per poll.
     */
    public TicketView status(String text) {
        Ticket ticket;
        try {
            ticket = signer.verify(text);
        } catch (TicketSigner.ForgedTicketException e) {
            throw new TicketException(invalid());
        }
        RouteDoor door = doors.get(ticket.route());
        TicketState state = door == null ? TicketState.GONE : door.poll(ticket, System.currentTimeMillis());
        if (state instanceof TicketState.Waiting w) {
            return TicketView.waiting(text, ticket.route(), ticket.number(), w.position(),
                    door.estimatedWaitSeconds(w.position(), door.ofSharedQueue(ticket.epoch())));
        }
        if (state instanceof TicketState.Admitted a) {
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
