package kr.civilportal.gateway.status;

import io.smallrye.stork.Stork;
import io.smallrye.stork.api.ServiceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import kr.civilportal.gateway.routing.GatewayConfig;
import kr.civilportal.gateway.status.PortalStatus.ReplicaStatus;
import kr.civilportal.gateway.status.PortalStatus.ServiceStatus;
import kr.civilportal.gateway.status.PortalStatus.State;

/** Asks every replica of every routed service for its readiness, all at once, each within a short time-out. */
@ApplicationScoped
public class ReadinessProbe {

    private final GatewayConfig config;
    private final HttpClient client;

    ReadinessProbe(GatewayConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    public PortalStatus check() {
        List<CompletableFuture<ServiceStatus>> services = new ArrayList<>();
        for (String name : config.routes().keySet().stream().sorted().toList()) {
            services.add(checkService(name));
        }
        List<ServiceStatus> results = services.stream().map(CompletableFuture::join).toList();
        return new PortalStatus(PortalStatus.overall(results.stream().map(ServiceStatus::status).toList()),
                Instant.now(), results);
    }

    private CompletableFuture<ServiceStatus> checkService(String name) {
        return Stork.getInstance().getService(name).getInstances().subscribeAsCompletionStage().toCompletableFuture()
                .thenCompose(instances -> {
                    List<CompletableFuture<ReplicaStatus>> replicas = instances.stream().map(this::checkReplica).toList();
                    return CompletableFuture.allOf(replicas.toArray(CompletableFuture[]::new)).thenApply(v -> {
                        List<ReplicaStatus> list = replicas.stream().map(CompletableFuture::join).toList();
                        State state = list.stream().allMatch(r -> r.status() == State.UP) ? State.UP
                                : list.stream().anyMatch(r -> r.status() == State.UP) ? State.DEGRADED : State.DOWN;
                        return new ServiceStatus(name, state, list);
                    });
                });
    }

    private CompletableFuture<ReplicaStatus> checkReplica(ServiceInstance instance) {
        String address = instance.getHost() + ":" + instance.getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + "/q/health/ready"))
                .timeout(config.status().probeTimeout()).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> new ReplicaStatus(address, r.statusCode() == 200 ? State.UP : State.DOWN))
                .exceptionally(e -> new ReplicaStatus(address, State.DOWN));
    }
}
