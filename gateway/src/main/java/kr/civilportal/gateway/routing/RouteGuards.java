package kr.civilportal.gateway.routing;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import kr.civilportal.gateway.status.Incidents;
import kr.civilportal.gateway.status.Incidents.Kind;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * One circuit breaker and one bulkhead per service, from SmallRye Fault Tolerance's programmatic {@link Guard}
 * (asynchronous: a request holds its bulkhead slot until its answer has been sent, and its outcome feeds the
 * circuit breaker). Configured per route under {@code portal.gateway.routes.<service>.circuit-breaker.*} and
 * {@code ...bulkhead.*}.
 */
@ApplicationScoped
public class RouteGuards {

    private static final TypeLiteral<CompletionStage<Void>> ASYNC = new TypeLiteral<>() {
    };

    /** A service's guard and the state the status and metrics read. */
    public static final class RouteGuard {
        private final Guard guard;
        private final AtomicReference<CircuitBreakerState> circuit = new AtomicReference<>(CircuitBreakerState.CLOSED);
        private final AtomicInteger inFlight = new AtomicInteger();
        private final int maxConcurrent;
        private final GatewayConfig.Route route;

        RouteGuard(String service, GatewayConfig.Route route, Incidents incidents) {
            this.route = route;
            this.maxConcurrent = route.bulkhead().maxConcurrent();
            GatewayConfig.CircuitBreaker cb = route.circuitBreaker();
            this.guard = Guard.create()
                    .withDescription("gateway route " + service)
                    .withCircuitBreaker()
                    .requestVolumeThreshold(cb.requestVolume())
                    .failureRatio(cb.failureRatio())
                    .delay(cb.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(cb.successThreshold())
                    // A full bulkhead is the gateway shielding the service, not the service failing: counting its
                    // refusals opened the circuit for every caller as soon as a burst exceeded the bulkhead.
                    .skipOn(BulkheadException.class)
                    .onStateChange(state -> {
                        CircuitBreakerState before = circuit.getAndSet(state);
                        if (before != state) {
                            incidents.record(service, switch (state) {
                                case OPEN -> Kind.CIRCUIT_OPENED;
                                case HALF_OPEN -> Kind.CIRCUIT_HALF_OPEN;
                                case CLOSED -> Kind.CIRCUIT_CLOSED;
                            }, "circuit " + before + " -> " + state);
                        }
                    })
                    .done()
                    .withBulkhead()
                    .limit(maxConcurrent)
                    .queueSize(Math.max(1, route.bulkhead().queue()))
                    .onAccepted(inFlight::incrementAndGet)
                    .onFinished(inFlight::decrementAndGet)
                    .done()
                    // Non-blocking: the forward always runs on the event loop that received the request, never on
                    // a worker pool. (SmallRye still re-dispatches it through that event loop's task queue, with
                    // context propagation around it: measured at about a sixth of the gateway's CPU per proxied
                    // request in GatewayOverheadBenchmark's JFR; see gateway/README.md.)
                    .withThreadOffload(false)
                    .build();
        }

        /** Runs {@code forward} if the circuit is not open and a bulkhead slot (or queue place) is free. */
        public CompletionStage<Void> run(Supplier<CompletionStage<Void>> forward) {
            return guard.get(forward, ASYNC);
        }

        public CircuitBreakerState circuit() {
            return circuit.get();
        }

        public int inFlight() {
            return Math.max(0, inFlight.get());
        }

        public int maxConcurrent() {
            return maxConcurrent;
        }

        public GatewayConfig.Route route() {
            return route;
        }
    }

    private final Map<String, RouteGuard> guards = new TreeMap<>();

    RouteGuards(GatewayConfig config, Incidents incidents) {
        config.routes().forEach((service, route) -> guards.put(service, new RouteGuard(service, route, incidents)));
    }

    public RouteGuard of(String service) {
        return guards.get(service);
    }

    public Map<String, RouteGuard> all() {
        return guards;
    }
}
