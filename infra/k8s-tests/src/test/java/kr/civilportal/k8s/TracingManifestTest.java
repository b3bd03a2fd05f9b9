package kr.civilportal.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every app's spans reach a trace store. Each app's prod profile takes its OTLP endpoint and sampler from
 * the variables its ConfigMap sets; the endpoint is the collector's Service at its OTLP/gRPC port; the sampler
 * follows the caller's decision and samples a ratio at the root, 10 % on the sites, every request on a laptop;
 * the collector's pipeline ends at Tempo's Service; and the network lets exactly that path through.
 */
class TracingManifestTest {

    static final String NS = "civil-portal";
    static final List<String> OVERLAYS = Kustomize.OVERLAYS;
    static final Map<String, String> RATIO = Map.of("local", "1.0", "prod", "0.1", "dr", "0.1");

    static Stream<Arguments> apps() {
        return OVERLAYS.stream().flatMap(o -> QuarkusApp.ALL.stream().map(a -> Arguments.of(o, a.name())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("apps")
    void eachAppSendsItsSpansToTheCollectorSampledAsTheOverlaySays(String overlay, String appName) {
        QuarkusApp app = QuarkusApp.named(appName);
        ProdProfile prod = ProdProfile.of(app.properties());
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        Map<String, String> config = CustomResourcesTest.configOf(m, WorkloadPolicyTest.deployment(overlay, app));
        assertEquals("${PORTAL_TRACES_ENDPOINT:http://localhost:4317}",
                prod.get("quarkus.otel.exporter.otlp.traces.endpoint"), appName + " reads its endpoint");
        assertEquals("${PORTAL_TRACES_SAMPLER:always_off}", prod.get("quarkus.otel.traces.sampler"));
        assertEquals("${PORTAL_TRACES_SAMPLER_ARG:1.0}", prod.get("quarkus.otel.traces.sampler.arg"));

        URI endpoint = URI.create(config.get("PORTAL_TRACES_ENDPOINT"));
        Service collector = m.find(Service.class, endpoint.getHost())
                .orElseThrow(() -> new AssertionError(appName + ": no Service " + endpoint.getHost()));
        assertTrue(collector.getSpec().getPorts().stream()
                        .anyMatch(p -> p.getPort() == endpoint.getPort() && "otlp-grpc".equals(p.getTargetPort().getStrVal())),
                appName + ": " + endpoint + " is the collector's OTLP/gRPC port");
        assertEquals("otel-collector", collector.getSpec().getSelector().get("app.kubernetes.io/name"));
        assertEquals("parentbased_traceidratio", config.get("PORTAL_TRACES_SAMPLER"), appName);
        assertEquals(RATIO.get(overlay), config.get("PORTAL_TRACES_SAMPLER_ARG"), overlay + ": " + appName);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theCollectorPassesTracesToTempoWhichKeepsThemOnItsOwnVolume(String overlay) throws Exception {
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        Deployment collector = m.find(Deployment.class, "otel-collector").orElseThrow();
        String configMap = collector.getSpec().getTemplate().getSpec().getVolumes().getFirst().getConfigMap().getName();
        JsonNode pipeline = Manifests.YAML.readTree(m.find(ConfigMap.class, configMap).orElseThrow()
                .getData().get("collector.yaml"));
        JsonNode traces = pipeline.path("service").path("pipelines").path("traces");
        assertEquals("otlp", traces.path("receivers").get(0).asText());
        List<String> exporters = new ArrayList<>();
        traces.path("exporters").forEach(e -> exporters.add(e.asText()));
        assertEquals(List.of("otlp/tempo"), exporters);
        URI tempo = URI.create("grpc://" + pipeline.path("exporters").path("otlp/tempo").path("endpoint").asText());
        Service store = m.find(Service.class, tempo.getHost()).orElseThrow();
        assertTrue(store.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == tempo.getPort()));
        StatefulSet tempoSet = m.find(StatefulSet.class, store.getSpec().getSelector().get("app.kubernetes.io/name"))
                .orElseThrow();
        assertEquals(1, tempoSet.getSpec().getReplicas(), "one store: a query sees every trace");
        assertEquals("data", tempoSet.getSpec().getVolumeClaimTemplates().getFirst().getMetadata().getName());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyTheAppsReachTheCollectorAndOnlyTheCollectorReachesTempo(String overlay) {
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        NetworkGraph graph = new NetworkGraph(NS, m.of(NetworkPolicy.class));
        NetworkGraph.Pod collector = NetworkGraph.Pod.in(NS, "otel-collector",
                m.find(Deployment.class, "otel-collector").orElseThrow().getSpec().getTemplate().getMetadata().getLabels(),
                Map.of("otlp-grpc", 4317, "otlp-http", 4318));
        NetworkGraph.Pod tempo = NetworkGraph.Pod.in(NS, "tempo",
                m.find(StatefulSet.class, "tempo").orElseThrow().getSpec().getTemplate().getMetadata().getLabels(),
                Map.of("otlp-grpc", 4317, "http", 3200));
        NetworkGraph.Pod grafana = NetworkGraph.Pod.in("monitoring", "grafana",
                Map.of("app.kubernetes.io/name", "grafana"), Map.of());
        NetworkGraph.Pod stranger = NetworkGraph.Pod.in("other-team", "a pod of another namespace", Map.of("app", "x"),
                Map.of());
        List<String> wrong = new ArrayList<>();
        for (QuarkusApp app : QuarkusApp.ALL) {
            NetworkGraph.Pod pod = NetworkGraph.Pod.in(NS, app.name(),
                    WorkloadPolicyTest.deployment(overlay, app).getSpec().getTemplate().getMetadata().getLabels(),
                    Map.of("http", app.port()));
            expect(wrong, graph, pod, collector, 4317, true);
            expect(wrong, graph, pod, tempo, 4317, false);
        }
        expect(wrong, graph, collector, tempo, 4317, true);
        expect(wrong, graph, grafana, tempo, 3200, true);
        expect(wrong, graph, stranger, collector, 4317, false);
        expect(wrong, graph, stranger, tempo, 3200, false);
        expect(wrong, graph, collector, stranger, 443, false);
        expect(wrong, graph, tempo, stranger, 443, false);
        assertEquals(List.of(), wrong, overlay);
    }

    private static void expect(List<String> wrong, NetworkGraph graph, NetworkGraph.Pod from, NetworkGraph.Pod to,
                               int port, boolean allowed) {
        if (graph.allowed(from, to, port, "TCP") != allowed) {
            wrong.add(from.description() + " -> " + to.description() + ":" + port
                    + (allowed ? " is blocked but must pass" : " passes but must be blocked"));
        }
    }
}
