package kr.civilportal.gateway.routing;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.stork.Stork;
import io.smallrye.stork.api.ServiceInstance;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import kr.civilportal.gateway.status.Incidents;
import kr.civilportal.gateway.status.Incidents.Kind;

/**
 * Which replicas are in rotation. Stork keeps the address list and does the balancing; this filters what Stork
 * balances over. A replica leaves the rotation when its {@code /q/health/ready} does not answer 200 within
 * the probe time-out (asked every {@code portal.gateway.replicas.probe-interval}, in the background), or at
 * once when it refuses a connection; it returns when its readiness answers 200 again. A replica shutting down
 * reports DOWN during its shutdown delay, so it leaves the rotation before it stops taking requests.
 */
@ApplicationScoped
public class ReplicaHealth {

    public enum State {
        /** Not probed yet: tried, as at start every replica is. */
        UNKNOWN,
        READY,
        OUT
    }

    /**
     * One replica as the gateway sees it. {@code label} ({@code passport-2}) is what the public status shows;
     * {@code address} (host:port) and the full {@code reason} (an exception message may name hosts) are for the
     * operators' status only: a public status naming the internal addresses maps the network for an attacker.
     */
    public record ReplicaView(String label, String address, State state, Instant since, String reason,
            String tokens) {

        /** The reason without its detail: "readiness answered 503", "connection failed", "readiness probe failed". */
        public String publicReason() {
            return ReplicaHealth.publicReason(reason);
        }
    }

    private static final class Replica {
        final String label;
        final String address;
        final String host;
        final int port;
        volatile State state = State.UNKNOWN;
        volatile Instant since = Instant.now();
        volatile String reason = "not probed yet";
        /**
         * How the replica checks tokens, from its readiness detail {@code identity-provider}: "checked",
         * "checked with the realm keys kept at ..." while Keycloak is away, or "cannot be checked ...".
         */
        volatile String tokens = "not known yet";
        Future<Boolean> probing;

        Replica(String label, String host, int port) {
            this.label = label;
            this.host = host;
            this.port = port;
            this.address = host + ":" + port;
        }
    }

    /** The readiness check each app has from portal-common ({@code IdentityProviderReadiness}). */
    static final String IDENTITY_PROVIDER_CHECK = "identity-provider";

    private final GatewayConfig config;
    private final Incidents incidents;
    private final Vertx vertx;
    private final Map<String, Map<String, Replica>> services = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> firstRound = new CompletableFuture<>();
    private HttpClient client;
    private long timer = -1;

    ReplicaHealth(GatewayConfig config, Incidents incidents, Vertx vertx) {
        this.config = config;
        this.incidents = incidents;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        // Its own small pool, no keep-alive: a probe must never wait behind the routes' traffic, nor reuse a
        // connection to a replica that has since hung.
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false)
                .setConnectTimeout((int) config.status().probeTimeout().toMillis())
                .setMaxPoolSize(Math.max(4, config.routes().size() * 2)));
        probeAll().onComplete(ar -> firstRound.complete(null));
        timer = vertx.setPeriodic(config.replicas().probeInterval().toMillis(), id -> probeAll());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (client != null) {
            client.close();
        }
    }

    /** The first probe round is done (or the time is up): a status asked at start-up tells the truth. */
    public void awaitFirstRound(java.time.Duration limit) {
        try {
            firstRound.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // answer with what is known
        }
    }

    /** The replicas a request may go to: every one not taken out. */
    public List<ServiceInstance> inRotation(String service, List<ServiceInstance> all) {
        List<ServiceInstance> ready = new ArrayList<>(all.size());
        for (ServiceInstance instance : all) {
            if (replica(service, instance).state != State.OUT) {
                ready.add(instance);
            }
        }
        return ready;
    }

    /**
     * No replica is in rotation: probe them now (sharing any probe in flight) rather than wait for the next
     * round, so a service that has just come back is used at once. A hung service costs at most one probe
     * time-out per request, and the circuit breaker soon spares even that.
     */
    public Future<List<ServiceInstance>> recheck(String service, List<ServiceInstance> all) {
        List<Future<Boolean>> probes = new ArrayList<>();
        for (ServiceInstance instance : all) {
            probes.add(probe(service, replica(service, instance)));
        }
        return Future.join(probes).transform(ar -> Future.succeededFuture(inRotation(service, all)));
    }

    /** A connection to the replica was refused or timed out: out of rotation until its readiness says 200. */
    public void connectFailed(String service, ServiceInstance instance, Throwable cause) {
        transition(service, replica(service, instance), State.OUT, "connection failed: " + cause.getMessage());
    }

    /** Replicas of a service known so far (probed or tried), and how many of them are in rotation; never blocks. */
    public int[] inRotationOfKnown(String service) {
        Map<String, Replica> known = services.getOrDefault(service, Map.of());
        int in = (int) known.values().stream().filter(r -> r.state != State.OUT).count();
        return new int[] {in, known.size()};
    }

    /** Every routed service's replicas, in the order Stork lists them. Blocks: call it on a worker thread. */
    public Map<String, List<ReplicaView>> view() {
        Map<String, List<ReplicaView>> view = new java.util.TreeMap<>();
        for (String service : config.routes().keySet()) {
            List<ReplicaView> list = new ArrayList<>();
            for (ServiceInstance instance : instances(service)) {
                Replica r = replica(service, instance);
                list.add(new ReplicaView(r.label, r.address, r.state, r.since, r.reason, r.tokens));
            }
            view.put(service, list);
        }
        return view;
    }

    private static List<ServiceInstance> instances(String service) {
        return Stork.getInstance().getService(service).getInstances().await().indefinitely();
    }

    private Future<Void> probeAll() {
        List<Future<?>> all = new ArrayList<>();
        for (String service : config.routes().keySet()) {
            var listed = Stork.getInstance().getService(service).getInstances().subscribeAsCompletionStage();
            all.add(Future.fromCompletionStage(listed).compose(instances -> {
                List<Future<Boolean>> probes = new ArrayList<>();
                for (ServiceInstance instance : instances) {
                    probes.add(probe(service, replica(service, instance)));
                }
                return Future.join(probes);
            }));
        }
        return Future.join(all).mapEmpty();
    }

    private Future<Boolean> probe(String service, Replica replica) {
        synchronized (replica) {
            if (replica.probing != null) {
                return replica.probing;
            }
            Promise<Boolean> done = Promise.promise();
            replica.probing = done.future();
            long timeout = config.status().probeTimeout().toMillis();
            client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(replica.host)
                            .setPort(replica.port).setURI("/q/health/ready").setTimeout(timeout))
                    .compose(request -> request.send().compose(response -> response.body()
                            .map(body -> {
                                replica.tokens = tokensDetail(body);
                                return response.statusCode();
                            })))
                    .onComplete(ar -> {
                        boolean ready = ar.succeeded() && ar.result() == 200;
                        String reason = ar.succeeded() ? "readiness answered " + ar.result()
                                : "readiness probe failed: " + ar.cause().getMessage();
                        transition(service, replica, ready ? State.READY : State.OUT, reason);
                        synchronized (replica) {
                            replica.probing = null;
                        }
                        done.complete(ready);
                    });
            return replica.probing;
        }
    }

    private void transition(String service, Replica replica, State to, String reason) {
        State from;
        synchronized (replica) {
            from = replica.state;
            if (from == to) {
                return;
            }
            replica.state = to;
            replica.since = Instant.now();
            replica.reason = reason;
        }
        // Incidents are public (/api/status, /status): the replica's label and the reason without its detail.
        if (to == State.OUT) {
            incidents.record(service, Kind.REPLICA_OUT, replica.label + ": " + publicReason(reason));
        } else if (from == State.OUT) {
            incidents.record(service, Kind.REPLICA_IN, replica.label + ": " + publicReason(reason));
        }
    }

    /** The readiness answer's {@code identity-provider} detail, or what stands in for it. */
    static String tokensDetail(io.vertx.core.buffer.Buffer readiness) {
        try {
            var checks = readiness.toJsonObject().getJsonArray("checks");
            for (int i = 0; checks != null && i < checks.size(); i++) {
                var check = checks.getJsonObject(i);
                if (IDENTITY_PROVIDER_CHECK.equals(check.getString("name")) && check.getJsonObject("data") != null) {
                    return check.getJsonObject("data").getString("tokens", "not said");
                }
            }
            return "not said";
        } catch (RuntimeException e) {
            return "not said";
        }
    }

    static String publicReason(String reason) {
        int detail = reason.indexOf(':');
        return detail < 0 ? reason : reason.substring(0, detail);
    }

    private Replica replica(String service, ServiceInstance instance) {
        Map<String, Replica> known = services.computeIfAbsent(service, s -> new ConcurrentHashMap<>());
        String address = instance.getHost() + ":" + instance.getPort();
        Replica replica = known.get(address);
        if (replica != null) {
            return replica;
        }
        // Numbered in the order first seen, for the life of this gateway (a replica that leaves keeps its number).
        synchronized (known) {
            return known.computeIfAbsent(address, a -> new Replica(service + "-" + (known.size() + 1),
                    instance.getHost(), instance.getPort()));
        }
    }
}
