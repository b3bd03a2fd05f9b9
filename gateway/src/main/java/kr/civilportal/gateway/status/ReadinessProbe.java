package kr.civilportal.gateway.status;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.civilportal.gateway.admission.SharedStore;
import kr.civilportal.gateway.admission.WaitingRoom;
import kr.civilportal.gateway.routing.GatewayConfig;
import kr.civilportal.gateway.routing.ReplicaHealth;
import kr.civilportal.gateway.routing.ReplicaHealth.ReplicaView;
import kr.civilportal.gateway.routing.RouteGuards;
import kr.civilportal.gateway.routing.RouteGuards.RouteGuard;
import kr.civilportal.gateway.status.PortalStatus.ReplicaStatus;
import kr.civilportal.gateway.status.PortalStatus.ServiceStatus;
import kr.civilportal.gateway.status.PortalStatus.State;

/**
 * The portal's state as the routing sees it: the replicas' readiness from {@link ReplicaHealth}'s background
 * probe (so the status and the rotation never disagree), each route's circuit and bulkhead, and the incidents.
 * Nothing here calls a service: a status page hit by many people puts no load on the services.
 */
@ApplicationScoped
public class ReadinessProbe {

    private final GatewayConfig config;
    private final ReplicaHealth health;
    private final RouteGuards guards;
    private final Incidents incidents;
    private final WaitingRoom waitingRoom;
    private final SharedStore sharedStore;

    ReadinessProbe(GatewayConfig config, ReplicaHealth health, RouteGuards guards, Incidents incidents,
                   WaitingRoom waitingRoom, SharedStore sharedStore) {
        this.config = config;
        this.health = health;
        this.guards = guards;
        this.incidents = incidents;
        this.waitingRoom = waitingRoom;
        this.sharedStore = sharedStore;
    }

    /** Every replica with its internal address and the probe's full finding, for the operators. Blocks. */
    public List<ReplicaAddress> replicaAddresses() {
        health.awaitFirstRound(config.status().probeTimeout().multipliedBy(2));
        List<ReplicaAddress> all = new ArrayList<>();
        health.view().forEach((service, replicas) -> replicas.forEach(r ->
                all.add(new ReplicaAddress(service, r.label(), r.address(), r.reason(), r.tokens()))));
        return all;
    }

    /**
     * A replica as only the operators see it (role {@code admin}); {@code tokens} says how it checks sign-ins (its
     * readiness detail: with Keycloak, with the kept realm keys while Keycloak is away, or not at all).
     */
    public record ReplicaAddress(String service, String replica, String address, String reason, String tokens) {
    }

    /** Blocks briefly at start-up until the first probe round is known: call it on a worker thread. */
    public PortalStatus check() {
        health.awaitFirstRound(config.status().probeTimeout().multipliedBy(2));
        List<ServiceStatus> services = new ArrayList<>();
        for (Map.Entry<String, List<ReplicaView>> e : health.view().entrySet()) {
            String name = e.getKey();
            RouteGuard guard = guards.of(name);
            List<ReplicaStatus> replicas = e.getValue().stream()
                    .map(r -> new ReplicaStatus(r.label(), r.state() == ReplicaHealth.State.OUT ? State.DOWN : State.UP,
                            r.since(), r.publicReason()))
                    .toList();
            int ready = (int) replicas.stream().filter(r -> r.status() == State.UP).count();
            String circuit = guard.circuit().name();
            boolean full = guard.inFlight() >= guard.maxConcurrent();
            services.add(new ServiceStatus(name, PortalStatus.service(ready, replicas.size(), circuit, full), replicas,
                    circuit, ready, replicas.size(), guard.inFlight(), guard.maxConcurrent(),
                    waitingRoom.queueLength(name)));
        }
        return new PortalStatus(PortalStatus.overall(services.stream().map(ServiceStatus::status).toList()),
                Instant.now(), services, incidents.recent(), sharedStore.link().view());
    }
}
