package kr.civilportal.gateway.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import kr.civilportal.gateway.admission.WaitingRoom;

/**
 * Prometheus metrics for every route, on {@code /q/metrics}:
 * <ul>
 *   <li>{@code portal_gateway_requests_seconds{route,status}}: rate, errors by status class (2xx..5xx) and a
 *       latency histogram (buckets, so p50/p99 can be computed over any window and instance);</li>
 *   <li>{@code portal_gateway_rejected_total{route,reason}}: answered by the gateway itself (circuit-open,
 *       bulkhead-full, no-ready-replica, rate-limited, rate-flagged for never-refused paths);</li>
 *   <li>{@code portal_gateway_retried_total{route}}: requests sent again to another replica;</li>
 *   <li>{@code portal_gateway_circuit_state{route}}: 0 closed, 1 half-open, 2 open;</li>
 *   <li>{@code portal_gateway_bulkhead_in_use{route}} and {@code portal_gateway_bulkhead_limit{route}};</li>
 *   <li>{@code portal_gateway_replicas_ready{route}} and {@code portal_gateway_replicas_total{route}};</li>
 *   <li>{@code portal_gateway_waiting_room_queue_length{route}}: citizens in the route's waiting room (0 without one).</li>
 * </ul>
 *
 * <p>A {@code @Singleton}, not {@code @ApplicationScoped}: it is called on every proxied request, and a client
 * proxy looks its bean up in the application context on each call (GatewayOverheadBenchmark with JFR).
 */
@Singleton
public class GatewayMetrics {

    private final MeterRegistry registry;
    private final WaitingRoom waitingRoom;
    /** HTTP status classes, {@code status / 100}: 0 to 9 (a status outside 100-599 is possible from a service). */
    private static final int STATUS_CLASSES = 10;
    private final Map<String, Timer[]> requestTimers = new ConcurrentHashMap<>();

    GatewayMetrics(MeterRegistry registry, WaitingRoom waitingRoom) {
        this.registry = registry;
        this.waitingRoom = waitingRoom;
    }

    public void request(String route, int status, long nanos) {
        requestTimer(route, status / 100).record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The route's timer for a status class, built and registered once: building a meter (tags, id, histogram
     * settings) and looking it up in the registry on every request was a measurable share of the gateway's CPU
     * per proxied request (GatewayOverheadBenchmark with JFR).
     */
    private Timer requestTimer(String route, int statusClass) {
        Timer[] byClass = requestTimers.computeIfAbsent(route, r -> new Timer[STATUS_CLASSES]);
        int index = statusClass >= 0 && statusClass < STATUS_CLASSES ? statusClass : 0;
        Timer timer = byClass[index];
        if (timer == null) {
            // Two threads may both get here: the registry hands both the same meter.
            timer = Timer.builder("portal.gateway.requests")
                    .description("Requests through the gateway, by route and status class")
                    .tags("route", route, "status", statusClass + "xx")
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry);
            byClass[index] = timer;
        }
        return timer;
    }

    public void rejected(String route, String reason) {
        Counter.builder("portal.gateway.rejected")
                .description("Requests answered by the gateway itself without reaching the service")
                .tags("route", route, "reason", reason)
                .register(registry).increment();
    }

    public void retried(String route) {
        Counter.builder("portal.gateway.retried")
                .description("Requests sent a second time, to another replica")
                .tags("route", route)
                .register(registry).increment();
    }

    /** Called once per route at start: the gauges read the route's live state. */
    public void route(String route, Supplier<Number> circuitState, Supplier<Number> bulkheadInUse, int bulkheadLimit,
                      Supplier<Number> replicasReady, Supplier<Number> replicasTotal) {
        gauge("portal.gateway.circuit.state", "0 closed, 1 half-open, 2 open", route, circuitState);
        gauge("portal.gateway.bulkhead.in.use", "Requests in flight to the service", route, bulkheadInUse);
        gauge("portal.gateway.bulkhead.limit", "Most requests in flight to the service", route, () -> bulkheadLimit);
        gauge("portal.gateway.replicas.ready", "Replicas in rotation", route, replicasReady);
        gauge("portal.gateway.replicas.total", "Replicas listed", route, replicasTotal);
        gauge("portal.gateway.waiting.room.queue.length", "Citizens waiting to be let in", route,
                () -> waitingRoom.queueLength(route));
    }

    private void gauge(String name, String description, String route, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).tags("route", route).register(registry);
    }
}
