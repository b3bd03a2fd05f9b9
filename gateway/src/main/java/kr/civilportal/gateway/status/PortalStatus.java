package kr.civilportal.gateway.status;

import java.time.Instant;
import java.util.List;

/** What {@code GET /api/status} answers: each service's readiness, replica by replica, as the gateway sees it. */
public record PortalStatus(State status, Instant checkedAt, List<ServiceStatus> services) {

    public enum State {
        /** Every replica of every service is ready. */
        UP,
        /** At least one service has a replica that is not ready; the others serve. */
        DEGRADED,
        /** No service has a ready replica. */
        DOWN
    }

    public record ServiceStatus(String name, State status, List<ReplicaStatus> replicas) {
    }

    public record ReplicaStatus(String address, State status) {
    }

    static State overall(List<State> parts) {
        if (parts.stream().allMatch(s -> s == State.UP)) {
            return State.UP;
        }
        return parts.stream().allMatch(s -> s == State.DOWN) ? State.DOWN : State.DEGRADED;
    }
}
