package kr.civilportal.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import kr.civilportal.gateway.routing.OutOfServiceAnswer.Reason;
import kr.civilportal.gateway.status.Incidents;
import kr.civilportal.gateway.status.Incidents.Kind;

/**
 * One circuit breaker (차단기) and one {@link RouteBulkhead} per service, configured per route under
 * {@code portal.gateway.routes.<service>.circuit-breaker.*} and {@code ...bulkhead.*}. A request holds its
 * bulkhead place and its circuit permission until its answer has been sent; its outcome then feeds the breaker.
 *
 * <p>The breaker is Resilience4j's: a state machine called in line on the event loop (ask for a permission, report
 * the outcome), with a count-based window. Not SmallRye Fault Tolerance's {@code Guard}: it is built to wrap a
 * method call and re-dispatches every guarded request through the event loop's task queue with context
 * propagation around it: about a sixth of the gateway's CPU per proxied request in GatewayOverheadBenchmark's JFR.
 */
@ApplicationScoped
public class RouteGuards {

    /** A caller too slow to send its body: its own fault, never the service's. */
    private static final int REQUEST_TIMEOUT = 408;
    private static final int SERVICE_UNAVAILABLE = 503;

    /** The circuit's state as the status page and metrics show it. */
    public enum CircuitState {
        CLOSED(0), HALF_OPEN(1), OPEN(2);

        /** The {@code portal_gateway_circuit_state} gauge's value. */
        public final int gauge;

        CircuitState(int gauge) {
            this.gauge = gauge;
        }
    }

    /** A service's guard and the state the status and metrics read. */
    public static final class RouteGuard {
        private final CircuitBreaker breaker;
        private final RouteBulkhead bulkhead;
        private final GatewayConfig.Route route;

        RouteGuard(String service, GatewayConfig.Route route, Incidents incidents, RouteBulkhead.Timers timers) {
            this.route = route;
            GatewayConfig.CircuitBreaker cb = route.circuitBreaker();
            this.breaker = CircuitBreaker.of("gateway route " + service, CircuitBreakerConfig.custom()
                    .slidingWindowType(SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(cb.requestVolume())
                    .minimumNumberOfCalls(cb.requestVolume())
                    .failureRateThreshold((float) (cb.failureRatio() * 100))
                    .waitDurationInOpenState(cb.delay())
                    .permittedNumberOfCallsInHalfOpenState(cb.successThreshold())
                    // Slowness is the time-out's business (a 504 counts as a failure), not the breaker's.
                    .slowCallRateThreshold(100)
                    .writableStackTraceEnabled(false)
                    .build());
            breaker.getEventPublisher().onStateTransition(event -> {
                CircuitState to = state(event.getStateTransition().getToState());
                incidents.record(service, switch (to) {
                    case OPEN -> Kind.CIRCUIT_OPENED;
                    case HALF_OPEN -> Kind.CIRCUIT_HALF_OPEN;
                    case CLOSED -> Kind.CIRCUIT_CLOSED;
                }, "circuit " + state(event.getStateTransition().getFromState()) + " -> " + to);
            });
            this.bulkhead = new RouteBulkhead(route.bulkhead().maxConcurrent(), route.bulkhead().queue(),
                    route.bulkhead().maxWait().toMillis(), timers);
        }

        /**
         * Starts {@code forward} with a {@link Pass} if the circuit lets the request through and a bulkhead place
         * is free, or frees within the wait limit while the request waits in line; else calls {@code refused}
         * with the reason: at once on this thread, or when the wait limit is reached, on this thread's event loop.
         * {@code forward} runs on this thread, or later on the thread that freed a place.
         */
        public void enter(Consumer<Pass> forward, Consumer<Reason> refused) {
            if (!breaker.tryAcquirePermission()) {
                refused.accept(Reason.CIRCUIT_OPEN);
                return;
            }
            Pass pass = new Pass(this);
            // A full bulkhead is the gateway shielding the service, not the service failing: not an outcome.
            Runnable full = () -> {
                breaker.releasePermission();
                refused.accept(Reason.BULKHEAD_FULL);
            };
            if (!bulkhead.enter(() -> forward.accept(pass.started()), full)) {
                full.run();
            }
        }

        public CircuitState circuit() {
            return state(breaker.getState());
        }

        public int inFlight() {
            return bulkhead.inFlight();
        }

        public int maxConcurrent() {
            return bulkhead.limit();
        }

        public GatewayConfig.Route route() {
            return route;
        }

        private static CircuitState state(CircuitBreaker.State state) {
            return switch (state) {
                case OPEN, FORCED_OPEN -> CircuitState.OPEN;
                case HALF_OPEN -> CircuitState.HALF_OPEN;
                default -> CircuitState.CLOSED;
            };
        }
    }

    /** One request's bulkhead place and circuit permission, given back once, when its forwarding is over. */
    public static final class Pass {
        private final RouteGuard guard;
        private final AtomicBoolean over = new AtomicBoolean();
        // Set by the thread that starts the request, read by the one that ends it (often another event loop).
        private volatile long started;
        // What the origin itself answered, if it did (not the gateway on its behalf); 0 until then.
        private volatile int originStatus;

        private Pass(RouteGuard guard) {
            this.guard = guard;
        }

        private Pass started() {
            started = System.nanoTime();
            return this;
        }

        /** The origin answered (the gateway did not answer for it): called before that answer is sent on. */
        public void originAnswered(int status) {
            originStatus = status;
        }

        /**
         * A web app's own 503 is its page about a service behind it that is down (citizen-web's "unavailable"
         * panel): the app is working. Counting it let one hung service open the app's circuit and put every
         * citizen page on the fallback page.
         */
        private boolean webAppPageAboutAServiceBehind(int status) {
            return status == SERVICE_UNAVAILABLE && originStatus == SERVICE_UNAVAILABLE
                    && guard.route.kind() == GatewayConfig.Kind.WEB_APP;
        }

        /**
         * The forwarding is over. Only the service's own faults count against the circuit: an answer of 500 or
         * more (its own, or the gateway's for it: time-out, no replica, refused connection) that reached a caller
         * still there. Any other answer, a 4xx included, shows the service working and counts for it. A caller
         * who left before the answer, or whose body came too slowly (408), counts neither way. Requests the
         * gateway refused itself (limits, rate, waiting room) never get here. Later calls do nothing.
         */
        public void finished(boolean answered, int status) {
            if (!over.compareAndSet(false, true)) {
                return;
            }
            long took = System.nanoTime() - started;
            if (!answered || status == REQUEST_TIMEOUT) {
                guard.breaker.releasePermission();
            } else if (serviceFailure(status) && !webAppPageAboutAServiceBehind(status)) {
                guard.breaker.onError(took, TimeUnit.NANOSECONDS, new ServiceFailed(status));
            } else {
                guard.breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            }
            guard.bulkhead.release();
        }
    }

    /** An answer that says the service, not the caller, failed. */
    static boolean serviceFailure(int status) {
        return status >= 500 && status < 600;
    }

    /** The service's answer (or the gateway's on its behalf) says the service failed; feeds the breaker. */
    static final class ServiceFailed extends RuntimeException {
        ServiceFailed(int status) {
            super("service answered " + status, null, false, false);
        }
    }

    private final Map<String, RouteGuard> guards = new TreeMap<>();

    RouteGuards(GatewayConfig config, Incidents incidents, Vertx vertx) {
        RouteBulkhead.Timers timers = new RouteBulkhead.Timers() {
            @Override
            public long schedule(long delayMillis, Runnable task) {
                return vertx.setTimer(delayMillis, id -> task.run());
            }

            @Override
            public void cancel(long handle) {
                vertx.cancelTimer(handle);
            }
        };
        config.routes().forEach((service, route) ->
                guards.put(service, new RouteGuard(service, route, incidents, timers)));
    }

    public RouteGuard of(String service) {
        return guards.get(service);
    }

    public Map<String, RouteGuard> all() {
        return guards;
    }
}
