package kr.civilportal.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every overlay and base builds, and every object in it is a valid Kubernetes object of a known kind. */
class ManifestModelTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;
    static final List<String> BASES = Kustomize.BASES;

    /** Kinds of the custom resources the portal relies on; anything else unknown is a mistake. */
    private static final Set<String> CUSTOM_KINDS = Set.of(
            "postgresql.cnpg.io/v1 Cluster", "postgresql.cnpg.io/v1 ScheduledBackup", "barmancloud.cnpg.io/v1 ObjectStore",
            "k8s.keycloak.org/v2alpha1 Keycloak", "k8s.keycloak.org/v2alpha1 KeycloakRealmImport",
            "monitoring.coreos.com/v1 ServiceMonitor", "monitoring.coreos.com/v1 PrometheusRule",
            // Kafka for the services' events (Strimzi, KRaft): k8s/base/kafka
            "kafka.strimzi.io/v1beta2 Kafka", "kafka.strimzi.io/v1beta2 KafkaNodePool",
            "kafka.strimzi.io/v1beta2 KafkaTopic");

    @ParameterizedTest
    @FieldSource("BASES")
    void eachBaseBuildsAndParses(String base) {
        Manifests manifests = Manifests.parse(Kustomize.base(base));
        assertFalse(manifests.all().isEmpty(), base + " builds to nothing");
        manifests.all().forEach(o -> assertEquals(List.of(), Manifests.unknownFields(o), Manifests.name(o)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectIsAKnownKindWithoutUnknownFields(String overlay) {
        Manifests manifests = Manifests.parse(Kustomize.overlay(overlay));
        for (HasMetadata object : manifests.all()) {
            String name = overlay + ": " + Manifests.name(object);
            if (object instanceof GenericKubernetesResource custom) {
                assertTrue(CUSTOM_KINDS.contains(custom.getApiVersion() + " " + custom.getKind()),
                        name + " is of an unexpected kind " + custom.getApiVersion() + " " + custom.getKind());
            }
            assertEquals(List.of(), Manifests.unknownFields(object), name + " has fields Kubernetes does not know");
            assertTrue(object.getMetadata().getName() != null && !object.getMetadata().getName().isBlank(), name);
            if (!(object instanceof Namespace) && !(object instanceof PriorityClass)) {
                assertEquals("civil-portal", object.getMetadata().getNamespace(), name + " namespace");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyOverlayHasTheWholePortal(String overlay) {
        Manifests m = Manifests.parse(Kustomize.overlay(overlay));
        for (QuarkusApp app : QuarkusApp.ALL) {
            assertTrue(m.find(Deployment.class, app.name()).isPresent(), overlay + ": Deployment " + app.name());
            assertTrue(m.find(Service.class, app.name()).isPresent(), overlay + ": Service " + app.name());
            assertTrue(m.find(HorizontalPodAutoscaler.class, app.name()).isPresent(), overlay + ": HPA " + app.name());
            assertTrue(m.find(PodDisruptionBudget.class, app.name()).isPresent(), overlay + ": PDB " + app.name());
            assertTrue(m.find(NetworkPolicy.class, app.name()).isPresent(), overlay + ": NetworkPolicy " + app.name());
        }
        long withDatabase = QuarkusApp.ALL.stream().filter(QuarkusApp::hasDatabase).count();
        assertEquals(7, withDatabase, "the gateway, the five services and citizen-web have a database; admin-console has none");
        assertEquals(withDatabase + 1, m.custom("postgresql.cnpg.io/v1", "Cluster").size(),
                overlay + ": one cluster per app with a database + Keycloak's");
        assertEquals(1, m.custom("k8s.keycloak.org/v2alpha1", "Keycloak").size(), overlay + ": Keycloak");
        assertTrue(m.find(Ingress.class, "gateway").isPresent(), overlay + ": the citizens' Ingress");
        assertTrue(m.find(Ingress.class, "admin-console").isPresent(), overlay + ": the officials' internal Ingress");
        assertTrue(m.find(NetworkPolicy.class, "default-deny").isPresent(), overlay + ": default-deny");
        assertTrue(m.find(NetworkPolicy.class, "allow-dns").isPresent(), overlay + ": allow-dns");
        // The second site gets the realm with Keycloak's replicated database, not by importing it.
        assertEquals(overlay.equals("dr") ? 0 : 1, m.custom("k8s.keycloak.org/v2alpha1", "KeycloakRealmImport").size(),
                overlay + ": realm import");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noSecretValuesAreCommitted(String overlay) {
        Manifests m = Manifests.parse(Kustomize.overlay(overlay));
        assertEquals(List.of(), m.of(Secret.class).stream().map(Manifests::name).toList(),
                overlay + ": secrets are created out of band (or by CloudNativePG), never in the manifests");
        // Nor as plain configuration: no ConfigMap key that names a password, secret, key or token.
        List<String> secretLooking = m.of(ConfigMap.class).stream()
                .flatMap(c -> c.getData().keySet().stream().map(k -> c.getMetadata().getName() + ": " + k))
                .filter(k -> k.matches(".*(PASSWORD|SECRET|_KEY|_KEYS|TOKEN)([_=].*)?$"))
                .toList();
        assertEquals(List.of(), secretLooking, overlay + ": secret-looking settings belong in Secrets");
    }

    @Test
    void aMisspelledFieldIsCaught() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  selector:
                    matchLabels: {app: typo}
                  template:
                    metadata:
                      labels: {app: typo}
                    spec:
                      containers:
                        - name: app
                          image: example
                          readinesProbe:
                            httpGet: {path: /q/health/ready, port: 8080}
                """;
        HasMetadata parsed = Manifests.parse(yaml).all().getFirst();
        assertTrue(parsed instanceof Deployment);
        List<String> unknown = Manifests.unknownFields(parsed);
        assertEquals(1, unknown.size(), unknown.toString());
        assertTrue(unknown.getFirst().contains("readinesProbe"), unknown.toString());
    }
}
