package kr.civilportal.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every app that checks bearer tokens (the four services, the gateway) reads the kept realm keys where
 * its prod profile says, from the ConfigMap the keeper writes, read-only; the keeper may touch that ConfigMap and
 * nothing else, and may reach Keycloak.
 */
class RealmKeysManifestTest {

    static final String CONFIG_MAP = "realm-keys";
    static final String KEEPER = "realm-keys-keeper";
    static final List<String> TOKEN_CHECKING_APPS =
            List.of("gateway", "residency", "passport", "land-registry", "emergency-report", "notification");

    static Stream<Arguments> tokenCheckingApps() {
        return Kustomize.OVERLAYS.stream().flatMap(o -> TOKEN_CHECKING_APPS.stream().map(a -> Arguments.of(o, a)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("tokenCheckingApps")
    void mountsTheKeptKeysReadOnlyWhereItsProdProfileReadsThem(String overlay, String appName) {
        QuarkusApp app = QuarkusApp.named(appName);
        ProdProfile prod = ProdProfile.of(app.properties());
        String file = prod.get("portal.identity.realm-keys.file");
        assertNotNull(file, appName + ": %prod.portal.identity.realm-keys.file");
        assertEquals("false", prod.get("portal.identity.realm-keys.write"), appName + ": a ConfigMap is read-only");

        Deployment d = WorkloadPolicyTest.deployment(overlay, app);
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().getFirst();
        String dir = Path.of(file).getParent().toString();
        VolumeMount mount = c.getVolumeMounts().stream().filter(v -> dir.equals(v.getMountPath())).findFirst()
                .orElseGet(() -> fail(appName + ": nothing mounted at " + dir));
        assertEquals(Boolean.TRUE, mount.getReadOnly(), appName + ": mounted read-only");
        assertEquals(null, mount.getSubPath(), appName + ": no subPath, or the ConfigMap's updates never arrive");
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseThrow();
        assertNotNull(volume.getConfigMap(), appName + ": from a ConfigMap");
        assertEquals(CONFIG_MAP, volume.getConfigMap().getName());
    }

    static List<String> overlays() {
        return Kustomize.OVERLAYS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theKeeperWritesOnlyThatConfigMapAndReachesKeycloak(String overlay) {
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        ConfigMap keys = m.find(ConfigMap.class, CONFIG_MAP).orElseGet(() -> fail(overlay + ": no ConfigMap " + CONFIG_MAP));
        assertTrue(keys.getData() == null || keys.getData().isEmpty(),
                overlay + ": no data in the manifest, or every apply would wipe the kept keys");

        Role role = m.find(Role.class, KEEPER).orElseGet(() -> fail(overlay + ": no Role " + KEEPER));
        assertEquals(1, role.getRules().size());
        PolicyRule rule = role.getRules().getFirst();
        assertEquals(List.of("configmaps"), rule.getResources());
        assertEquals(List.of(CONFIG_MAP), rule.getResourceNames(), overlay + ": that one ConfigMap only");
        assertEquals(List.of("get", "patch"), rule.getVerbs());

        CronJob keeper = m.find(CronJob.class, KEEPER).orElseGet(() -> fail(overlay + ": no CronJob " + KEEPER));
        PodSpec pod = keeper.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        assertEquals(KEEPER, pod.getServiceAccountName());
        assertEquals("Forbid", keeper.getSpec().getConcurrencyPolicy());
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
        Container c = pod.getContainers().getFirst();
        assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem());
        assertNotNull(c.getResources().getLimits().get("memory"));
        String script = pod.getVolumes().stream().filter(v -> v.getConfigMap() != null).findFirst().orElseThrow()
                .getConfigMap().getName();
        ConfigMap scripts = m.find(ConfigMap.class, script).orElseGet(() -> fail(overlay + ": no ConfigMap " + script));
        assertTrue(scripts.getData().get("keep-realm-keys.sh").contains("configmaps/realm-keys"));

        NetworkPolicy keycloak = m.find(NetworkPolicy.class, "keycloak").orElseThrow();
        assertTrue(keycloak.getSpec().getIngress().stream().flatMap(i -> i.getFrom().stream())
                        .filter(p -> p.getPodSelector() != null && p.getPodSelector().getMatchExpressions() != null)
                        .flatMap(p -> p.getPodSelector().getMatchExpressions().stream())
                        .anyMatch(e -> e.getValues().contains(KEEPER)),
                overlay + ": Keycloak lets the keeper in");
        NetworkPolicy own = m.find(NetworkPolicy.class, KEEPER).orElseGet(() -> fail(overlay + ": no NetworkPolicy"));
        assertFalse(own.getSpec().getEgress().isEmpty());
    }
}
