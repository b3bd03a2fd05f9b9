package kr.civilportal.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules every workload of every overlay follows, checked against what each Quarkus application really
 * serves (its application.properties): probes on its health endpoints and port, requests and limits, a
 * disruption budget, an autoscaler, a network policy, non-root with a read-only root, rolling updates that
 * never go below the wanted count, and a grace period long enough for the graceful shutdown.
 */
class WorkloadPolicyTest {

    private static final Pattern SECRET_LOOKING = Pattern.compile(".*(PASSWORD|SECRET|_KEY|_KEYS|TOKEN).*");

    static Stream<Arguments> workloads() {
        return Kustomize.OVERLAYS.stream()
                .flatMap(o -> QuarkusApp.ALL.stream().map(a -> Arguments.of(o, a.name())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void probesMatchWhatTheApplicationServes(String overlay, String appName) {
        QuarkusApp app = QuarkusApp.named(appName);
        Container c = container(overlay, app);
        ContainerPort http = c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseGet(() -> fail(overlay + "/" + app.name() + ": no container port named http"));
        assertEquals(app.port(), http.getContainerPort(), app.name() + ": container port = quarkus.http.port");
        assertProbe(app, "startup", c.getStartupProbe(), app.startupPath(), http);
        assertProbe(app, "readiness", c.getReadinessProbe(), app.readinessPath(), http);
        assertProbe(app, "liveness", c.getLivenessProbe(), app.livenessPath(), http);
        // Liveness must not kill a pod that is merely busy: it tolerates more than readiness does.
        assertTrue(c.getLivenessProbe().getFailureThreshold() * c.getLivenessProbe().getPeriodSeconds()
                > c.getReadinessProbe().getFailureThreshold() * c.getReadinessProbe().getPeriodSeconds(), app.name());

        Service service = manifests(overlay).find(Service.class, app.name()).orElseThrow();
        ServicePort port = service.getSpec().getPorts().getFirst();
        assertEquals(app.port(), port.getPort(), app.name() + ": Service port = the contract's port");
        assertTrue(resolves(port.getTargetPort(), http), app.name() + ": Service targets the http port");
        assertEquals(labels(deployment(overlay, app)), service.getSpec().getSelector(), app.name() + ": Service selector");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void resourcesAreRequestedAndLimited(String overlay, String appName) {
        Container c = container(overlay, QuarkusApp.named(appName));
        Map<String, Quantity> requests = c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources().getLimits();
        for (String resource : List.of("cpu", "memory")) {
            assertNotNull(requests.get(resource), appName + ": requests." + resource);
            assertNotNull(limits.get(resource), appName + ": limits." + resource);
            assertTrue(Quantity.getAmountInBytes(limits.get(resource)).compareTo(
                    Quantity.getAmountInBytes(requests.get(resource))) >= 0, appName + ": limit >= request " + resource);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void everyWorkloadHasABudgetAnAutoscalerAndANetworkPolicy(String overlay, String appName) {
        Manifests m = manifests(overlay);
        Deployment d = deployment(overlay, QuarkusApp.named(appName));
        Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();

        PodDisruptionBudget pdb = m.of(PodDisruptionBudget.class).stream()
                .filter(p -> selects(p.getSpec().getSelector(), podLabels)).findFirst()
                .orElseGet(() -> fail(overlay + ": no PodDisruptionBudget selects " + appName));
        assertNotNull(pdb.getSpec().getMaxUnavailable(), appName + ": PDB maxUnavailable (works at any replica count)");

        HorizontalPodAutoscaler hpa = m.of(HorizontalPodAutoscaler.class).stream()
                .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                        && appName.equals(h.getSpec().getScaleTargetRef().getName())).findFirst()
                .orElseGet(() -> fail(overlay + ": no HorizontalPodAutoscaler scales " + appName));
        assertTrue(hpa.getSpec().getMinReplicas() >= 1 && hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas(),
                appName + ": HPA min " + hpa.getSpec().getMinReplicas() + " max " + hpa.getSpec().getMaxReplicas());
        assertFalse(hpa.getSpec().getMetrics().isEmpty(), appName + ": HPA metrics");

        NetworkPolicy policy = m.find(NetworkPolicy.class, appName)
                .orElseGet(() -> fail(overlay + ": no NetworkPolicy " + appName));
        assertTrue(selects(policy.getSpec().getPodSelector(), podLabels), appName + ": its NetworkPolicy selects it");
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes(), appName + ": both directions");

        int replicas = d.getSpec().getReplicas();
        switch (overlay) {
            case "local" -> assertEquals(1, replicas, appName + ": one replica locally");
            case "prod" -> {
                assertTrue(replicas >= 3, appName + ": at least one replica per zone (3) in prod, not " + replicas);
                assertTrue(hpa.getSpec().getMinReplicas() >= 3, appName + ": HPA keeps one per zone in prod");
            }
            case "dr" -> assertEquals(0, replicas, appName + ": standby at the second site until fail-over");
            default -> fail("unknown overlay " + overlay);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void emergencyReportsAndTheGatewayOutrankTheOtherServices(String overlay, String appName) {
        Manifests m = manifests(overlay);
        String className = deployment(overlay, QuarkusApp.named(appName)).getSpec().getTemplate().getSpec()
                .getPriorityClassName();
        PriorityClass own = m.of(PriorityClass.class).stream().filter(p -> p.getMetadata().getName().equals(className))
                .findFirst().orElseGet(() -> fail(appName + ": no PriorityClass " + className + " in the overlay"));
        int lowestCritical = Integer.MAX_VALUE;
        int highestOther = Integer.MIN_VALUE;
        for (QuarkusApp app : QuarkusApp.ALL) {
            String name = deployment(overlay, app).getSpec().getTemplate().getSpec().getPriorityClassName();
            int value = m.of(PriorityClass.class).stream().filter(p -> p.getMetadata().getName().equals(name))
                    .findFirst().orElseThrow().getValue();
            if (app.name().equals("gateway") || app.name().equals("emergency-report")) {
                lowestCritical = Math.min(lowestCritical, value);
            } else {
                highestOther = Math.max(highestOther, value);
            }
        }
        assertTrue(lowestCritical > highestOther, "119 and the gateway must outrank the other services");
        assertFalse(Boolean.TRUE.equals(own.getGlobalDefault()), className + " must not become the cluster's default");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void runsAsNonRootWithAReadOnlyRootAndAWritableTmp(String overlay, String appName) {
        Deployment d = deployment(overlay, QuarkusApp.named(appName));
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().getFirst();
        assertEquals(1, pod.getContainers().size(), appName + ": one container");
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), appName + ": pod runAsNonRoot");
        assertTrue(pod.getSecurityContext().getRunAsUser() != null && pod.getSecurityContext().getRunAsUser() > 0,
                appName + ": a non-root uid");
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType(), appName + ": seccomp");
        assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), appName + ": read-only root");
        assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), appName + ": no escalation");
        assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop(), appName + ": capabilities");
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), appName + ": no API token in the pod");
        VolumeMount tmp = c.getVolumeMounts().stream().filter(v -> "/tmp".equals(v.getMountPath())).findFirst()
                .orElseGet(() -> fail(appName + ": /tmp must be writable (Quarkus, uploads)"));
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst().orElseThrow();
        assertNotNull(volume.getEmptyDir(), appName + ": /tmp is an emptyDir");
        assertNotNull(volume.getEmptyDir().getSizeLimit(), appName + ": /tmp is bounded (a full node evicts everyone)");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void rollingUpdatesAndShutdownLoseNothing(String overlay, String appName) {
        QuarkusApp app = QuarkusApp.named(appName);
        Deployment d = deployment(overlay, app);
        assertEquals("RollingUpdate", d.getSpec().getStrategy().getType(), appName);
        assertEquals(new IntOrString(0), d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable(),
                appName + ": maxUnavailable 0");
        Container c = d.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertNotNull(c.getLifecycle().getPreStop(), appName + ": a preStop pause before SIGTERM");
        long preStop = c.getLifecycle().getPreStop().getSleep().getSeconds();
        assertTrue(preStop > 0, appName + ": preStop sleeps");
        Duration needed = Duration.ofSeconds(preStop).plus(app.shutdownDelay()).plus(app.shutdownTimeout());
        long grace = d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertTrue(grace > needed.toSeconds(), appName + ": terminationGracePeriodSeconds " + grace
                + " must exceed preStop " + preStop + " s + quarkus.shutdown.delay " + app.shutdownDelay().toSeconds()
                + " s + quarkus.shutdown.timeout " + app.shutdownTimeout().toSeconds() + " s");
        assertTrue(app.shutdownDelay().toSeconds() > 0, appName + ": readiness must go DOWN before draining");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void spreadsOverZonesAndReadsSecretsOnlyFromSecrets(String overlay, String appName) {
        Deployment d = deployment(overlay, QuarkusApp.named(appName));
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        TopologySpreadConstraint zone = pod.getTopologySpreadConstraints().stream()
                .filter(t -> "topology.kubernetes.io/zone".equals(t.getTopologyKey())).findFirst()
                .orElseGet(() -> fail(appName + ": no topology spread over zones"));
        assertTrue(selects(zone.getLabelSelector(), d.getSpec().getTemplate().getMetadata().getLabels()), appName);
        assertEquals(overlay.equals("local") ? "ScheduleAnyway" : "DoNotSchedule", zone.getWhenUnsatisfiable(),
                appName + ": zones are required where there are zones");

        List<String> plainSecrets = new ArrayList<>();
        for (EnvVar env : pod.getContainers().getFirst().getEnv()) {
            if (SECRET_LOOKING.matcher(env.getName()).matches()
                    && (env.getValueFrom() == null || env.getValueFrom().getSecretKeyRef() == null)) {
                plainSecrets.add(env.getName());
            }
        }
        assertEquals(List.of(), plainSecrets, appName + ": secret-looking settings must come from a secretKeyRef");
        QuarkusApp app = QuarkusApp.named(appName);
        assertNotNull(app.image(), appName + ": quarkus.container-image.group is not set");
        String image = pod.getContainers().getFirst().getImage();
        assertTrue(image.equals(app.image() + ":" + image.substring(image.lastIndexOf(':') + 1))
                        || image.matches(".+/" + Pattern.quote(app.image()) + ":[^:/]+"),
                appName + ": image " + image + " is not the one the build makes (" + app.image() + ")");
        assertEquals(app.imageUser(), pod.getSecurityContext().getRunAsUser(),
                appName + ": runAsUser = quarkus.jib.user (the image's user)");
    }

    private static void assertProbe(QuarkusApp app, String kind, Probe probe, String path, ContainerPort http) {
        assertNotNull(probe, app.name() + ": " + kind + " probe");
        assertNotNull(probe.getHttpGet(), app.name() + ": " + kind + " probe is an HTTP GET");
        assertEquals(path, probe.getHttpGet().getPath(), app.name() + ": " + kind + " probe path");
        assertTrue(resolves(probe.getHttpGet().getPort(), http), app.name() + ": " + kind + " probe port "
                + probe.getHttpGet().getPort() + " is not " + app.port());
    }

    private static boolean resolves(IntOrString port, ContainerPort http) {
        return port.getIntVal() != null ? port.getIntVal().equals(http.getContainerPort())
                : port.getStrVal().equals(http.getName());
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return NetworkGraph.matches(selector, labels);
    }

    private static Map<String, String> labels(Deployment d) {
        return d.getSpec().getSelector().getMatchLabels();
    }

    static Manifests manifests(String overlay) {
        return Manifests.parse(Kustomize.overlay(overlay));
    }

    static Deployment deployment(String overlay, QuarkusApp app) {
        return manifests(overlay).find(Deployment.class, app.name())
                .orElseGet(() -> fail(overlay + ": no Deployment " + app.name()));
    }

    private static Container container(String overlay, QuarkusApp app) {
        return deployment(overlay, app).getSpec().getTemplate().getSpec().getContainers().getFirst();
    }
}
