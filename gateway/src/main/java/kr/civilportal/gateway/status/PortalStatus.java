package kr.civilportal.gateway.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import kr.civilportal.gateway.admission.StoreLink;

/**
 * What {@code GET /api/status} answers: each service's state as the gateway sees it (its replicas' readiness,
 * from the gateway's background probe, and its circuit breaker), the recent incidents, and whether this
 * gateway replica's waiting rooms and rate limits are shared with the other replicas ({@code admission}, see
 * {@link StoreLink.View}). Fields are only ever added, so monitors written against earlier versions keep working;
 * the one exception is a replica's {@code address}, taken out for security (see {@link ReplicaStatus}).
 */
public record PortalStatus(State status, Instant checkedAt, List<ServiceStatus> services, List<Incidents.Incident> incidents,
                           @JsonInclude(JsonInclude.Include.NON_NULL) StoreLink.View admission) {

    public enum State {
        /** Every replica of every service is ready. */
        UP,
        /** At least one service has a replica that is not ready (or is failing, or is full); the others serve. */
        DEGRADED,
        /** No service has a ready replica. */
        DOWN
    }

    /**
     * One service. {@code status}: DOWN when no replica is in rotation or its circuit is open (the gateway
     * answers 503 at once); DEGRADED when some replicas are out, the circuit is half-open or every bulkhead
     * slot is taken; else UP. {@code circuit}: CLOSED, HALF_OPEN or OPEN.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceStatus(String name, State status, List<ReplicaStatus> replicas, String circuit,
                                int replicasReady, int replicasTotal, int inFlight, int inFlightLimit,
                                Integer waitingRoomQueue) {
    }

    /**
     * {@code replica}: the replica's label ({@code passport-2}), never its internal address (an outside test
     * found host:port of every replica here; operators read them at {@code /api/status/replicas});
     * {@code since}: when it last changed state; {@code reason}: the last probe's finding, without detail.
     */
    public record ReplicaStatus(String replica, State status, Instant since, String reason) {
    }

    static State overall(List<State> parts) {
        if (parts.stream().allMatch(s -> s == State.UP)) {
            return State.UP;
        }
        return parts.stream().allMatch(s -> s == State.DOWN) ? State.DOWN : State.DEGRADED;
    }

    /** A service's state from its parts (see {@link ServiceStatus}). */
    static State service(int ready, int total, String circuit, boolean full) {
        if (ready == 0 || "OPEN".equals(circuit)) {
            return State.DOWN;
        }
        return ready < total || "HALF_OPEN".equals(circuit) || full ? State.DEGRADED : State.UP;
    }
}
