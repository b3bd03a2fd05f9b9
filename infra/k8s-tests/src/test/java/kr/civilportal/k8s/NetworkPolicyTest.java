package kr.civilportal.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.civilportal.k8s.NetworkGraph.Pod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Who may talk to whom, evaluated from the NetworkPolicies of each overlay: only the gateway reaches the
 * services (and passport reaches residency) and the two web apps; the web apps reach only the gateway, Keycloak
 * and (citizen-web) their own database; each app reaches only its own database, Keycloak and the apps it calls;
 * the apps that publish or read events (residency, passport, land-registry, notification), and only they, reach
 * Kafka's brokers; everyone may resolve names; nothing else gets through.
 */
class NetworkPolicyTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;
    private static final String NS = "civil-portal";

    /**
     * The calls the portal makes between its apps: the gateway to every service (notification included: its
     * /api/notification) and to the two web apps (it routes the pages), passport to residency, the web apps to the
     * gateway only (its /api/**, as a mobile app). Notification calls no app: events come to it through Kafka.
     */
    private static final Map<String, Set<String>> CALLS = Map.of(
            "gateway", Set.of("residency", "passport", "land-registry", "emergency-report", "notification",
                    "citizen-web", "admin-console"),
            "passport", Set.of("residency"),
            "residency", Set.of(), "land-registry", Set.of(), "emergency-report", Set.of(), "notification", Set.of(),
            "citizen-web", Set.of("gateway"),
            "admin-console", Set.of("gateway"));
    private static final Set<String> WEB_APPS = Set.of("citizen-web", "admin-console");
    /**
     * The apps that talk to Kafka: residency, passport and land-registry publish (their outbox relays), notification
     * reads.
     */
    private static final Set<String> KAFKA_CLIENTS = Set.of("residency", "passport", "land-registry", "notification");
    /** A broker of the Strimzi cluster (k8s/base/kafka), with the labels Strimzi gives its pods. */
    private static final Pod KAFKA_BROKER = Pod.in(NS, "Kafka broker", Map.of("strimzi.io/cluster", "portal-kafka",
            "strimzi.io/kind", "Kafka", "strimzi.io/name", "portal-kafka-kafka", "strimzi.io/pool-name", "dual-role",
            "strimzi.io/broker-role", "true"), Map.of());

    private static final Pod KEYCLOAK = Pod.in(NS, "keycloak", Map.of("app", "keycloak",
            "app.kubernetes.io/instance", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator"), Map.of());
    /** The operator's realm-import Job: Keycloak's pod template with app=keycloak-realm-import. */
    private static final Pod REALM_IMPORT = Pod.in(NS, "realm-import job", Map.of("app", "keycloak-realm-import",
            "app.kubernetes.io/instance", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator"), Map.of());
    private static final Pod INGRESS_CONTROLLER = Pod.in("ingress-nginx", "ingress controller",
            Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of());
    /** The second controller, for the officials' networks only (ingress class nginx-internal): the admin host. */
    private static final Pod INTERNAL_INGRESS_CONTROLLER = Pod.in("ingress-nginx-internal", "internal ingress controller",
            Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of());
    private static final Pod PROMETHEUS = Pod.in("monitoring", "prometheus", Map.of("app.kubernetes.io/name", "prometheus"), Map.of());
    private static final Pod DNS = Pod.in("kube-system", "cluster DNS", Map.of("k8s-app", "kube-dns"), Map.of());
    private static final Pod CNPG_OPERATOR = Pod.in("cnpg-system", "CloudNativePG operator",
            Map.of("app.kubernetes.io/name", "cloudnative-pg"), Map.of());
    private static final Pod STRANGER = Pod.in("other-team", "a pod of another namespace", Map.of("app", "x"), Map.of());
    private static final Pod ROGUE = Pod.in(NS, "an unlabelled pod in the portal's namespace", Map.of("run", "debug"), Map.of());

    private record Portal(NetworkGraph graph, Map<String, Pod> apps, Map<String, Pod> databases) {
    }

    private static Portal portal(String overlay) {
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        Map<String, Pod> apps = new LinkedHashMap<>();
        Map<String, Pod> databases = new LinkedHashMap<>();
        for (QuarkusApp app : QuarkusApp.ALL) {
            Deployment d = WorkloadPolicyTest.deployment(overlay, app);
            Map<String, Integer> ports = new LinkedHashMap<>();
            d.getSpec().getTemplate().getSpec().getContainers().getFirst().getPorts()
                    .forEach(p -> ports.put(p.getName(), p.getContainerPort()));
            apps.put(app.name(), Pod.in(NS, app.name(), d.getSpec().getTemplate().getMetadata().getLabels(), ports));
        }
        for (var cluster : m.custom("postgresql.cnpg.io/v1", "Cluster")) {
            String name = cluster.getMetadata().getName();
            databases.put(name, Pod.in(NS, name, Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance"),
                    Map.of("postgresql", 5432)));
        }
        List<NetworkPolicy> policies = new ArrayList<>(m.of(NetworkPolicy.class));
        policies.addAll(kafkaListenerPolicies(m));
        return new Portal(new NetworkGraph(NS, policies), apps, databases);
    }

    /**
     * The NetworkPolicy the Strimzi operator makes for each Kafka cluster's brokers (not in the manifests): every
     * listener's port open to the listener's networkPolicyPeers (to everyone when it names none). Its other rules
     * (replication between the brokers, the operators) concern no portal app and are left out.
     */
    @SuppressWarnings("unchecked")
    private static List<NetworkPolicy> kafkaListenerPolicies(Manifests m) {
        List<NetworkPolicy> policies = new ArrayList<>();
        for (var kafka : m.custom("kafka.strimzi.io/v1beta2", "Kafka")) {
            String cluster = kafka.getMetadata().getName();
            List<NetworkPolicyIngressRule> rules = new ArrayList<>();
            for (Map<String, Object> listener : (List<Map<String, Object>>) CustomResourcesTest.get(kafka, "spec", "kafka",
                    "listeners")) {
                List<NetworkPolicyPeer> peers = new ArrayList<>();
                for (Object peer : (List<Object>) listener.getOrDefault("networkPolicyPeers", List.of())) {
                    peers.add(Manifests.SERIALIZATION.convertValue(peer, NetworkPolicyPeer.class));
                }
                rules.add(new NetworkPolicyIngressRuleBuilder().withFrom(peers)
                        .addNewPort().withPort(new IntOrString(((Number) listener.get("port")).intValue())).endPort()
                        .build());
            }
            policies.add(new NetworkPolicyBuilder().withNewMetadata().withName(cluster + "-network-policy-kafka")
                    .withNamespace(NS).endMetadata()
                    .withNewSpec().withNewPodSelector().withMatchLabels(Map.of("strimzi.io/cluster", cluster,
                            "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-kafka")).endPodSelector()
                    .withPolicyTypes("Ingress").withIngress(rules).endSpec().build());
        }
        return policies;
    }

    /** The app's own database cluster, or null for an app without one. */
    private static String databaseOf(String app) {
        QuarkusApp a = QuarkusApp.named(app);
        return a.hasDatabase() ? a.database() + "-db" : null;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachAppReachesOnlyItsDatabaseKeycloakAndTheServicesItCalls(String overlay) {
        Portal p = portal(overlay);
        List<String> wrong = new ArrayList<>();
        assertEquals(CALLS.keySet(), p.apps().keySet(), "CALLS names every app");
        for (String from : p.apps().keySet()) {
            Pod source = p.apps().get(from);
            for (String to : p.apps().keySet()) {
                if (!to.equals(from)) {
                    boolean expected = CALLS.get(from).contains(to);
                    check(wrong, p.graph(), source, p.apps().get(to), QuarkusApp.named(to).port(), "TCP", expected);
                }
            }
            for (String db : p.databases().keySet()) {
                check(wrong, p.graph(), source, p.databases().get(db), 5432, "TCP", db.equals(databaseOf(from)));
            }
            check(wrong, p.graph(), source, KEYCLOAK, 8080, "TCP", true);
            check(wrong, p.graph(), source, DNS, 53, "UDP", true);
            check(wrong, p.graph(), source, DNS, 53, "TCP", true);
            check(wrong, p.graph(), source, STRANGER, 443, "TCP", false);
        }
        assertEquals(List.of(), wrong, overlay);
    }

    /**
     * Only the apps with events reach the brokers: their own egress, and the brokers' side, the listener's peers
     * (evaluated as the NetworkPolicy Strimzi makes from them, and compared by name).
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyTheAppsWithEventsReachKafka(String overlay) {
        Portal p = portal(overlay);
        List<String> wrong = new ArrayList<>();
        for (String app : p.apps().keySet()) {
            check(wrong, p.graph(), p.apps().get(app), KAFKA_BROKER, 9092, "TCP", KAFKA_CLIENTS.contains(app));
        }
        for (Pod other : List.of(ROGUE, STRANGER, KEYCLOAK, INGRESS_CONTROLLER)) {
            check(wrong, p.graph(), other, KAFKA_BROKER, 9092, "TCP", false);
        }
        assertEquals(List.of(), wrong, overlay);
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        var kafka = m.custom("kafka.strimzi.io/v1beta2", "Kafka");
        assertEquals(1, kafka.size(), overlay + ": one Kafka cluster");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listeners = (List<Map<String, Object>>) CustomResourcesTest.get(kafka.getFirst(),
                "spec", "kafka", "listeners");
        for (Map<String, Object> listener : listeners) {
            Set<String> peers = new java.util.TreeSet<>();
            @SuppressWarnings("unchecked")
            List<Map<String, Map<String, Map<String, String>>>> listed =
                    (List<Map<String, Map<String, Map<String, String>>>>) listener.get("networkPolicyPeers");
            for (var peer : listed == null ? List.<Map<String, Map<String, Map<String, String>>>>of() : listed) {
                peers.add(peer.get("podSelector").get("matchLabels").get("app.kubernetes.io/name"));
            }
            assertEquals(new java.util.TreeSet<>(KAFKA_CLIENTS), peers,
                    overlay + ": the peers of Kafka's listener " + listener.get("name"));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyTheGatewayIsReachableFromOutsideAndOnlyPrometheusScrapes(String overlay) {
        Portal p = portal(overlay);
        List<String> wrong = new ArrayList<>();
        for (String app : p.apps().keySet()) {
            Pod target = p.apps().get(app);
            int port = QuarkusApp.named(app).port();
            check(wrong, p.graph(), INGRESS_CONTROLLER, target, port, "TCP", app.equals("gateway"));
            check(wrong, p.graph(), INTERNAL_INGRESS_CONTROLLER, target, port, "TCP", app.equals("gateway"));
            check(wrong, p.graph(), PROMETHEUS, target, port, "TCP", true);
            check(wrong, p.graph(), STRANGER, target, port, "TCP", false);
            check(wrong, p.graph(), ROGUE, target, port, "TCP", false);
            check(wrong, p.graph(), KEYCLOAK, target, port, "TCP", false);
        }
        check(wrong, p.graph(), INGRESS_CONTROLLER, KEYCLOAK, 8080, "TCP", true);
        check(wrong, p.graph(), INTERNAL_INGRESS_CONTROLLER, KEYCLOAK, 8080, "TCP", false);
        check(wrong, p.graph(), STRANGER, KEYCLOAK, 8080, "TCP", false);
        assertEquals(List.of(), wrong, overlay);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyTheGatewayReachesTheWebApps(String overlay) {
        Portal p = portal(overlay);
        List<Pod> others = new ArrayList<>();
        p.apps().forEach((name, pod) -> {
            if (!name.equals("gateway")) {
                others.add(pod);
            }
        });
        others.addAll(p.databases().values());
        others.addAll(List.of(KEYCLOAK, REALM_IMPORT, INGRESS_CONTROLLER, INTERNAL_INGRESS_CONTROLLER, DNS,
                CNPG_OPERATOR, STRANGER, ROGUE));
        List<String> wrong = new ArrayList<>();
        for (String web : WEB_APPS) {
            Pod target = p.apps().get(web);
            int port = QuarkusApp.named(web).port();
            check(wrong, p.graph(), p.apps().get("gateway"), target, port, "TCP", true);
            check(wrong, p.graph(), PROMETHEUS, target, port, "TCP", true);
            for (Pod other : others) {
                if (other != target) {
                    check(wrong, p.graph(), other, target, port, "TCP", false);
                }
            }
            // And the web apps reach the portal only through the gateway, never a service directly.
            for (String service : List.of("residency", "passport", "land-registry", "emergency-report", "notification")) {
                check(wrong, p.graph(), target, p.apps().get(service), QuarkusApp.named(service).port(), "TCP", false);
            }
            check(wrong, p.graph(), target, p.apps().get("gateway"), QuarkusApp.named("gateway").port(), "TCP", true);
        }
        assertEquals(List.of(), wrong, overlay);
        assertTrue(p.apps().keySet().containsAll(WEB_APPS), overlay + ": both web apps are deployed");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void databasesTalkToTheirOwnAppTheirOwnInstancesAndTheOperator(String overlay) {
        Portal p = portal(overlay);
        List<String> wrong = new ArrayList<>();
        for (var db : p.databases().entrySet()) {
            check(wrong, p.graph(), db.getValue(), db.getValue(), 5432, "TCP", true);
            check(wrong, p.graph(), CNPG_OPERATOR, db.getValue(), 8000, "TCP", true);
            check(wrong, p.graph(), KEYCLOAK, db.getValue(), 5432, "TCP", db.getKey().equals("keycloak-db"));
            check(wrong, p.graph(), REALM_IMPORT, db.getValue(), 5432, "TCP", db.getKey().equals("keycloak-db"));
            check(wrong, p.graph(), ROGUE, db.getValue(), 5432, "TCP", false);
            check(wrong, p.graph(), STRANGER, db.getValue(), 5432, "TCP", false);
            for (var other : p.databases().entrySet()) {
                if (!other.getKey().equals(db.getKey())) {
                    check(wrong, p.graph(), db.getValue(), other.getValue(), 5432, "TCP", false);
                }
            }
        }
        assertEquals(List.of(), wrong, overlay);
        assertFalse(p.databases().isEmpty());
        assertTrue(p.databases().containsKey("keycloak-db"));
        for (QuarkusApp app : QuarkusApp.ALL) {
            if (app.hasDatabase()) {
                assertTrue(p.databases().containsKey(databaseOf(app.name())), overlay + ": " + databaseOf(app.name()));
            }
        }
    }

    private static void check(List<String> wrong, NetworkGraph graph, Pod from, Pod to, int port, String protocol,
                              boolean expected) {
        if (graph.allowed(from, to, port, protocol) != expected) {
            wrong.add(from.description() + " -> " + to.description() + ":" + port + "/" + protocol
                    + (expected ? " is blocked but must pass" : " passes but must be blocked"));
        }
    }
}
