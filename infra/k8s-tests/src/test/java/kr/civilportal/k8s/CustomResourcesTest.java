package kr.civilportal.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The custom resources the portal depends on (CloudNativePG clusters, the Keycloak Operator's Keycloak and
 * realm import, the ServiceMonitor) have the fields it relies on, and the apps are wired to them.
 */
class CustomResourcesTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([a-z0-9-]+):5432/([a-z_]+)");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachAppUsesItsOwnPostgresClusterThroughTheOperatorsSecret(String overlay) {
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        for (QuarkusApp app : QuarkusApp.ALL) {
            Deployment d = WorkloadPolicyTest.deployment(overlay, app);
            Map<String, String> config = configOf(m, d);
            if (!app.hasDatabase()) {
                // An app without a datasource is given none, and no cluster is made for it.
                assertNull(config.get("QUARKUS_DATASOURCE_JDBC_URL"), app.name() + " has no database");
                assertTrue(d.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                        .noneMatch(e -> e.getName().startsWith("QUARKUS_DATASOURCE_")), app.name() + " has no database");
                assertTrue(m.custom("postgresql.cnpg.io/v1", "Cluster").stream()
                        .noneMatch(c -> c.getMetadata().getName().startsWith(app.name())), app.name() + " has no cluster");
                continue;
            }
            String cluster = app.database() + "-db";
            GenericKubernetesResource db = cluster(m, cluster);
            if (get(db, "spec", "bootstrap", "initdb") != null) {
                assertEquals(app.database(), str(db, "spec", "bootstrap", "initdb", "database"), cluster + " database");
                assertEquals(app.database(), str(db, "spec", "bootstrap", "initdb", "owner"), cluster + " owner");
            }
            Matcher jdbc = JDBC.matcher(config.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", ""));
            assertTrue(jdbc.matches(), app.name() + ": JDBC URL " + config.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals(cluster + "-rw", jdbc.group(1), app.name() + ": writes go to the primary service of its cluster");
            assertEquals(app.database(), jdbc.group(2), app.name() + ": its own database");
            for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                EnvVar env = env(d, variable);
                assertEquals(cluster + "-app", env.getValueFrom().getSecretKeyRef().getName(),
                        app.name() + ": " + variable + " from CloudNativePG's generated app secret");
            }
        }
    }

    /** Connections PostgreSQL keeps for the operator, replication and an administrator, beyond the apps' pools. */
    private static final int RESERVED_CONNECTIONS = 20;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theAutoscalersCannotOpenMoreConnectionsThanTheDatabaseAccepts(String overlay) {
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        for (QuarkusApp app : QuarkusApp.ALL) {
            if (!app.hasDatabase()) {
                continue;
            }
            Deployment d = WorkloadPolicyTest.deployment(overlay, app);
            Map<String, String> config = configOf(m, d);
            // The gateway's second pool on the same database (waiting rooms and rate limits) counts too.
            int pool = Integer.parseInt(config.getOrDefault("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "20"))
                    + Integer.parseInt(config.getOrDefault("QUARKUS_DATASOURCE_ADMISSION_JDBC_MAX_SIZE", "0"));
            int maxReplicas = m.find(HorizontalPodAutoscaler.class, app.name()).orElseThrow().getSpec().getMaxReplicas();
            int surge = d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal();
            GenericKubernetesResource db = cluster(m, app.database() + "-db");
            String configured = str(db, "spec", "postgresql", "parameters", "max_connections");
            int maxConnections = configured == null ? 100 : Integer.parseInt(configured);
            int needed = (maxReplicas + surge) * pool;
            assertTrue(needed <= maxConnections - RESERVED_CONNECTIONS, overlay + ": " + app.name() + " may open "
                    + needed + " connections (" + (maxReplicas + surge) + " pods x pool " + pool + ") but "
                    + db.getMetadata().getName() + " accepts " + maxConnections + " - " + RESERVED_CONNECTIONS + " reserved");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void clustersAreSizedAndBackedUpForTheirSite(String overlay) {
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        Manifests prod = WorkloadPolicyTest.manifests("prod");
        for (GenericKubernetesResource db : m.custom("postgresql.cnpg.io/v1", "Cluster")) {
            String name = db.getMetadata().getName();
            int instances = ((Number) get(db, "spec", "instances")).intValue();
            if (overlay.equals("local")) {
                assertEquals(1, instances, name);
                assertNull(get(db, "spec", "plugins"), name + ": no object store on a laptop");
                assertNull(get(db, "spec", "backup"), name);
                continue;
            }
            assertEquals(3, instances, name + ": one instance per zone");
            assertEquals("topology.kubernetes.io/zone", str(db, "spec", "affinity", "topologyKey"), name);
            assertEquals("required", str(db, "spec", "affinity", "podAntiAffinityType"), name);
            assertTrue(((Number) get(db, "spec", "postgresql", "synchronous", "number")).intValue() >= 1,
                    name + ": a synchronous standby, so a primary's loss loses no commit");
            // Through the Barman Cloud plugin, not the deprecated in-tree barmanObjectStore.
            assertNull(get(db, "spec", "backup"), name + ": no in-tree backup configuration");
            GenericKubernetesResource archive = archiveOf(m, db);
            String destination = str(archive, "spec", "configuration", "destinationPath");
            assertTrue(destination != null && destination.startsWith("s3://"), name + ": backups to object storage");
            for (String key : List.of("accessKeyId", "secretAccessKey")) {
                assertNotNull(str(archive, "spec", "configuration", "s3Credentials", key, "name"), name + " " + key);
                assertNotNull(str(archive, "spec", "configuration", "s3Credentials", key, "key"), name + " " + key);
            }
            assertEquals("30d", str(archive, "spec", "retentionPolicy"), name + ": base backups and WAL kept 30 days");
            assertEquals("60s", str(db, "spec", "postgresql", "parameters", "archive_timeout"),
                    name + ": WAL archived at least every minute (the second site's data-loss bound)");
            if (overlay.equals("prod")) {
                assertNotNull(get(db, "spec", "bootstrap", "initdb"), name + ": a new cluster at the primary site");
                assertNull(get(db, "spec", "replica"), name);
                assertTrue(m.custom("postgresql.cnpg.io/v1", "ScheduledBackup").stream()
                        .anyMatch(b -> name.equals(str(b, "spec", "cluster", "name"))
                                && "plugin".equals(str(b, "spec", "method"))
                                && BARMAN_CLOUD.equals(str(b, "spec", "pluginConfiguration", "name"))),
                        name + ": a scheduled base backup through the plugin");
            } else {
                String source = str(db, "spec", "replica", "source");
                assertEquals(Boolean.TRUE, get(db, "spec", "replica", "enabled"), name + ": a replica cluster");
                assertEquals(source, str(db, "spec", "bootstrap", "recovery", "source"), name + ": bootstrapped from its source");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> external = (List<Map<String, Object>>) get(db, "spec", "externalClusters");
                Map<String, Object> primary = external.stream().filter(e -> source.equals(e.get("name"))).findFirst()
                        .orElseGet(() -> fail(name + ": no external cluster " + source));
                Map<?, ?> plugin = (Map<?, ?>) primary.get("plugin");
                assertEquals(BARMAN_CLOUD, plugin.get("name"), name + ": the primary's archive read through the plugin");
                Map<?, ?> parameters = (Map<?, ?>) plugin.get("parameters");
                GenericKubernetesResource primaryStore = objectStore(m, (String) parameters.get("barmanObjectName"));
                String primaryArchive = str(archiveOf(prod, cluster(prod, name)), "spec", "configuration", "destinationPath");
                assertEquals(primaryArchive, str(primaryStore, "spec", "configuration", "destinationPath"),
                        name + ": replays the primary site's archive");
                assertNull(get(primaryStore, "spec", "retentionPolicy"), name + ": this site never prunes the primary's archive");
                // Barman keeps a cluster's archive under its server name, by default the cluster's own name at the
                // primary but the external cluster entry's name here: it must name the primary's folder.
                assertEquals(name, parameters.get("serverName"), name + ": reads the primary's server folder");
                assertNotEquals(primaryArchive, destination, name + ": the second site never writes into the primary's archive");
            }
        }
    }

    /**
     * The databases that may lose nothing with the whole site (119 reports and the gateway's journal of held ones,
     * as the launcher's second site has them): at the primary site a commit waits for the second site's copy; at
     * the second site they stream from the primary (the archive only as a fallback). Every other database reaches
     * the second site through the archive alone.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the119AndJournalDatabasesCommitToTheSecondSiteToo(String overlay) {
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        Set<String> synchronousAtSecondSite = new TreeSet<>();
        for (kr.civilportal.launcher.PortalApp app : kr.civilportal.launcher.PortalApp.values()) {
            if (app.database() != null && app.synchronousAtSecondSite()) {
                synchronousAtSecondSite.add(app.database() + "-db");
            }
        }
        assertEquals(Set.of("emergency-db", "gateway-db"), synchronousAtSecondSite, "the launcher's second site");
        for (GenericKubernetesResource db : m.custom("postgresql.cnpg.io/v1", "Cluster")) {
            String name = db.getMetadata().getName();
            @SuppressWarnings("unchecked")
            Map<String, Object> sync = (Map<String, Object>) get(db, "spec", "postgresql", "synchronous");
            List<?> pre = sync == null ? List.of() : (List<?>) sync.getOrDefault("standbyNamesPre", List.of());
            List<?> post = sync == null ? List.of() : (List<?>) sync.getOrDefault("standbyNamesPost", List.of());
            if (sync != null) {
                // CloudNativePG refuses a cluster that could not fail over locally (every synchronous copy outside).
                assertTrue(((Number) sync.get("number")).intValue() > pre.size() + post.size(),
                        name + ": a local standby is among the synchronous ones");
                assertTrue(!"preferred".equals(sync.get("dataDurability")) || pre.isEmpty() && post.isEmpty(),
                        name + ": 'preferred' durability is refused with outside standbys");
            }
            boolean primarySiteOf119 = overlay.equals("prod") && synchronousAtSecondSite.contains(name);
            if (!primarySiteOf119) {
                assertEquals(List.of(), pre, overlay + ": " + name + " waits for no other site");
                assertEquals(List.of(), post, overlay + ": " + name + " waits for no other site");
            } else {
                // FIRST 2 (second site, local standbys...): the second site whenever it streams, and two local
                // standbys instead while it is away, so 119 never stops for the other site.
                assertEquals("first", sync.get("method"), name + ": the second site first, by priority");
                assertEquals(2, ((Number) sync.get("number")).intValue(), name + ": the second site and a local standby");
                assertEquals(List.of(name), pre, name + ": the second site's designated primary (its cluster's name)");
                assertTrue(((Number) sync.get("maxStandbyNamesFromCluster")).intValue() >= 2,
                        name + ": two local standbys can stand in while the second site is away");
                assertAdmitsOtherSite(m, name, "ingress");
            }
            if (overlay.equals("dr") && synchronousAtSecondSite.contains(name)) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> external = (List<Map<String, Object>>) get(db, "spec", "externalClusters");
                String source = str(db, "spec", "replica", "source");
                Map<String, Object> primary = external.stream().filter(e -> source.equals(e.get("name"))).findFirst()
                        .orElseGet(() -> fail(name + ": no external cluster " + source));
                Map<?, ?> connection = (Map<?, ?>) primary.get("connectionParameters");
                assertNotNull(connection, name + ": streams from the primary site (a synchronous standby there)");
                assertTrue(String.valueOf(connection.get("host")).startsWith(name + "-rw.primary-site."),
                        name + ": the primary site's read-write service");
                assertEquals("streaming_replica", connection.get("user"), name + ": CloudNativePG's replication user");
                assertEquals("verify-full", connection.get("sslmode"), name + ": TLS with the primary site's CA checked");
                for (String tls : List.of("sslKey", "sslCert", "sslRootCert")) {
                    assertNotNull(((Map<?, ?>) primary.get(tls)).get("name"), name + ": " + tls);
                }
                assertNotNull(primary.get("plugin"), name + ": the archive as the fallback");
                assertAdmitsOtherSite(m, name, "egress");
                assertAdmitsOtherSite(m, name, "ingress");
            }
        }
    }

    /** The cluster's NetworkPolicy lets PostgreSQL (5432) through to or from an address range outside the cluster. */
    private static void assertAdmitsOtherSite(Manifests m, String cluster, String direction) {
        NetworkPolicy policy = m.find(NetworkPolicy.class, cluster).orElseGet(() -> fail("no NetworkPolicy " + cluster));
        boolean admitted = direction.equals("ingress")
                ? policy.getSpec().getIngress().stream().anyMatch(r -> r.getPorts().stream()
                        .anyMatch(p -> p.getPort().getIntVal() == 5432)
                        && r.getFrom().stream().anyMatch(f -> f.getIpBlock() != null))
                : policy.getSpec().getEgress().stream().anyMatch(r -> r.getPorts().stream()
                        .anyMatch(p -> p.getPort().getIntVal() == 5432)
                        && r.getTo().stream().anyMatch(t -> t.getIpBlock() != null));
        assertTrue(admitted, cluster + ": PostgreSQL " + direction + " with the other site");
    }

    static final String BARMAN_CLOUD = "barman-cloud.cloudnative-pg.io";

    /** The ObjectStore a cluster archives its WAL and base backups to (its plugin entry that is the WAL archiver). */
    static GenericKubernetesResource archiveOf(Manifests m, GenericKubernetesResource db) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> plugins = (List<Map<String, Object>>) get(db, "spec", "plugins");
        assertNotNull(plugins, db.getMetadata().getName() + ": no backup plugin");
        Map<String, Object> archiver = plugins.stream()
                .filter(p -> BARMAN_CLOUD.equals(p.get("name")) && Boolean.TRUE.equals(p.get("isWALArchiver")))
                .findFirst().orElseGet(() -> fail(db.getMetadata().getName() + ": no Barman Cloud WAL archiver"));
        return objectStore(m, (String) ((Map<?, ?>) archiver.get("parameters")).get("barmanObjectName"));
    }

    static GenericKubernetesResource objectStore(Manifests m, String name) {
        return m.custom("barmancloud.cnpg.io/v1", "ObjectStore").stream()
                .filter(s -> name.equals(s.getMetadata().getName())).findFirst()
                .orElseGet(() -> fail("no ObjectStore " + name));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void keycloakRunsOnItsOwnDatabaseAndTheAppsFetchKeysFromIt(String overlay) {
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        GenericKubernetesResource keycloak = m.custom("k8s.keycloak.org/v2alpha1", "Keycloak").getFirst();
        assertEquals(Map.of("local", 1, "prod", 3, "dr", 0).get(overlay),
                ((Number) get(keycloak, "spec", "instances")).intValue(), "Keycloak instances");
        assertEquals("keycloak-db-rw", str(keycloak, "spec", "db", "host"));
        assertEquals("keycloak-db-app", str(keycloak, "spec", "db", "usernameSecret", "name"));
        assertEquals("keycloak-db-app", str(keycloak, "spec", "db", "passwordSecret", "name"));
        assertNotNull(cluster(m, "keycloak-db"));
        assertEquals(Boolean.TRUE, get(keycloak, "spec", "http", "httpEnabled"), "in-cluster HTTP for the apps");
        assertEquals(Boolean.FALSE, get(keycloak, "spec", "networkPolicy", "enabled"),
                "the operator's allow-all NetworkPolicy would add to (and widen) the namespace's own");
        assertTrue(str(keycloak, "spec", "hostname", "hostname").startsWith("https://"), "public issuer over TLS");
        // The operator names the Service <name>-service; the apps' OIDC server is that Service, realm portal.
        String expected = "http://" + keycloak.getMetadata().getName() + "-service:8080/realms/portal";
        for (QuarkusApp app : QuarkusApp.ALL) {
            assertEquals(expected, configOf(m, WorkloadPolicyTest.deployment(overlay, app)).get("QUARKUS_OIDC_AUTH_SERVER_URL"),
                    app.name());
        }
    }

    @Test
    void theRealmImportIsTheProductionRealmFile() throws IOException {
        JsonNode source = Manifests.JSON.readTree(Repo.path("infra/keycloak/portal-realm.json").toFile());
        JsonNode imported = Manifests.documents(Repo.read("k8s/base/keycloak/realm-import.yaml")).getFirst()
                .path("spec").path("realm");
        assertEquals(source, imported, "k8s/base/keycloak/realm-import.yaml differs from "
                + "infra/keycloak/portal-realm.json: run k8s/base/keycloak/sync-realm.sh");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theImportedRealmHasNoDemoUsersAndTakesTheClientSecretFromASecret(String overlay) {
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        for (GenericKubernetesResource realmImport : m.custom("k8s.keycloak.org/v2alpha1", "KeycloakRealmImport")) {
            JsonNode realm = Manifests.JSON.valueToTree(get(realmImport, "spec", "realm"));
            assertEquals("portal", realm.path("realm").asText());
            // The only users a production realm may carry are clients' service accounts (passport-service's,
            // for the identity check): no person, no password.
            for (JsonNode user : realm.path("users")) {
                assertTrue(user.hasNonNull("serviceAccountClientId"), "no people in production: " + user);
                assertTrue(user.path("credentials").isMissingNode(), "no passwords in production: " + user);
            }
            List<String> clients = realm.path("clients").valueStream().map(c -> c.path("clientId").asText()).toList();
            assertFalse(clients.contains("portal-test"), "the test client is development only: " + clients);
            assertEquals(str(m.custom("k8s.keycloak.org/v2alpha1", "Keycloak").getFirst(), "metadata", "name"),
                    str(realmImport, "spec", "keycloakCRName"));
            List<String> confidential = new ArrayList<>();
            for (JsonNode client : realm.path("clients")) {
                if (client.path("publicClient").asBoolean(false)) {
                    assertTrue(client.path("secret").isMissingNode(), client.path("clientId") + " is public: no secret");
                    continue;
                }
                String clientId = client.path("clientId").asText();
                confidential.add(clientId);
                ConfidentialClient expected = CONFIDENTIAL_CLIENTS.stream().filter(c -> c.clientId().equals(clientId))
                        .findFirst().orElseGet(() -> fail(overlay + ": confidential client " + clientId
                                + " is not known to the k8s tests: say which app uses it and where its secret comes from"));
                checkConfidentialClient(overlay, m, realmImport, client, expected);
            }
            assertEquals(CONFIDENTIAL_CLIENTS.stream().map(ConfidentialClient::clientId).sorted().toList(),
                    confidential.stream().sorted().toList(), overlay + ": the realm's confidential clients");
            // The gateway only checks bearer tokens (a service tenant): it reads no client's secret.
            QuarkusApp gateway = QuarkusApp.named("gateway");
            assertEquals("service", gateway.properties().getProperty("quarkus.oidc.application-type"));
            List<String> gatewaySecrets = secretsReadBy(WorkloadPolicyTest.deployment(overlay, gateway));
            assertTrue(gatewaySecrets.stream().noneMatch(n -> n.startsWith("keycloak-client-")),
                    overlay + ": the gateway reads a client secret it no longer needs: " + gatewaySecrets);
        }
    }

    /** A confidential client of the realm, the app that logs in with it, and the setting that carries its secret. */
    record ConfidentialClient(String clientId, String app, String clientIdProperty, String secretVariable,
                              String ingress) {
    }

    static final List<ConfidentialClient> CONFIDENTIAL_CLIENTS = List.of(
            new ConfidentialClient("portal-web", "citizen-web", "quarkus.oidc.client-id", "PORTAL_WEB_CLIENT_SECRET",
                    "gateway"),
            new ConfidentialClient("portal-admin", "admin-console", "quarkus.oidc.client-id",
                    "PORTAL_ADMIN_CLIENT_SECRET", "admin-console"),
            new ConfidentialClient("passport-service", "passport", "quarkus.oidc-client.client-id",
                    "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET", null));

    private static void checkConfidentialClient(String overlay, Manifests m, GenericKubernetesResource realmImport,
                                                JsonNode client, ConfidentialClient expected) {
        String where = overlay + ": " + expected.clientId();
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(client.path("secret").asText());
        assertTrue(placeholder.matches(), where + ": the secret is a placeholder, not a value: " + client.path("secret"));
        String secretName = str(realmImport, "spec", "placeholders", placeholder.group(1), "secret", "name");
        String secretKey = str(realmImport, "spec", "placeholders", placeholder.group(1), "secret", "key");
        assertNotNull(secretName, where + ": placeholder " + placeholder.group(1) + " names a Kubernetes secret");
        // The app that logs in with this client says so in its properties, and reads the same secret.
        QuarkusApp app = QuarkusApp.named(expected.app());
        assertEquals(expected.clientId(), app.properties().getProperty(expected.clientIdProperty()),
                where + ": " + app.name() + "'s " + expected.clientIdProperty());
        EnvVar secret = env(WorkloadPolicyTest.deployment(overlay, app), expected.secretVariable());
        assertEquals(secretName, secret.getValueFrom().getSecretKeyRef().getName(), where + ": " + app.name()
                + " reads the client secret the realm is given");
        assertEquals(secretKey, secret.getValueFrom().getSecretKeyRef().getKey(), where);
        if (!client.path("standardFlowEnabled").asBoolean(false)) {
            return;
        }
        // A browser login comes back only to the host the app is served on, over HTTPS.
        String host = m.find(Ingress.class, expected.ingress()).orElseThrow().getSpec().getRules().getFirst().getHost();
        List<String> uris = new ArrayList<>();
        client.path("redirectUris").forEach(u -> uris.add(u.asText()));
        client.path("webOrigins").forEach(u -> uris.add(u.asText()));
        uris.addAll(List.of(client.path("attributes").path("post.logout.redirect.uris").asText().split("##")));
        assertFalse(uris.isEmpty(), where);
        for (String uri : uris) {
            assertTrue(uri.equals("https://" + host) || uri.startsWith("https://" + host + "/"),
                    where + ": " + uri + " is not on " + host + " (its Ingress " + expected.ingress() + ")");
        }
    }

    static List<String> secretsReadBy(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef().getName()).distinct().toList();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theGatewayIsServedOverTls(String overlay) {
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        // Every Ingress (the citizens' and the officials' internal one) is TLS, one host each, and sends every path
        // to the gateway: nothing reaches an app, the web apps included, around the edge.
        assertEquals(List.of("admin-console", "gateway"),
                m.of(Ingress.class).stream().map(i -> i.getMetadata().getName()).sorted().toList(), overlay + ": Ingresses");
        for (Ingress ingress : m.of(Ingress.class)) {
            String name = overlay + ": Ingress " + ingress.getMetadata().getName();
            assertEquals(1, ingress.getSpec().getRules().size(), name + ": one host");
            String host = ingress.getSpec().getRules().getFirst().getHost();
            IngressTLS tls = ingress.getSpec().getTls().getFirst();
            assertTrue(tls.getHosts().contains(host), name + ": the TLS certificate covers " + host);
            assertNotNull(tls.getSecretName(), name);
            assertEquals("true", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/ssl-redirect"), name);
            assertFalse(ingress.getSpec().getRules().getFirst().getHttp().getPaths().isEmpty(), name);
            for (var path : ingress.getSpec().getRules().getFirst().getHttp().getPaths()) {
                var backend = path.getBackend().getService();
                assertEquals("gateway", backend.getName(), name + " " + path.getPath());
                assertEquals("http", backend.getPort().getName(), name + " " + path.getPath());
            }
        }
        GenericKubernetesResource monitor = m.custom("monitoring.coreos.com/v1", "ServiceMonitor").getFirst();
        @SuppressWarnings("unchecked")
        Map<String, Object> endpoint = ((List<Map<String, Object>>) get(monitor, "spec", "endpoints")).getFirst();
        assertEquals("/q/metrics", endpoint.get("path"));
        assertEquals("http", endpoint.get("port"));
        // Every app scraped through exactly one Service, so no pod is counted twice.
        io.fabric8.kubernetes.api.model.LabelSelector selector = Manifests.SERIALIZATION.convertValue(
                get(monitor, "spec", "selector"), io.fabric8.kubernetes.api.model.LabelSelector.class);
        for (QuarkusApp app : QuarkusApp.ALL) {
            List<String> scraped = m.of(io.fabric8.kubernetes.api.model.Service.class).stream()
                    .filter(s -> app.name().equals(s.getMetadata().getLabels().get("app.kubernetes.io/name")))
                    .filter(s -> NetworkGraph.matches(selector, s.getMetadata().getLabels()))
                    .map(s -> s.getMetadata().getName()).toList();
            assertEquals(List.of(app.name()), scraped, overlay + ": Services scraped for " + app.name());
        }
    }

    /** The apps the gateway routes to (each a Stork service of the app's name): its properties', and the web apps. */
    static List<String> gatewayTargets() {
        Set<String> names = new TreeSet<>(Set.of("citizen-web", "admin-console"));
        Matcher key = Pattern.compile("quarkus\\.stork\\.([^.]+)\\.service-discovery\\..+").matcher("");
        for (String property : ProdProfile.of(QuarkusApp.named("gateway").properties()).values().keySet()) {
            if (key.reset(property).matches()) {
                names.add(key.group(1));
            }
        }
        return List.copyOf(names);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theGatewayFindsEveryAppsPodsThroughItsHeadlessServiceAndTheWebAppsCallOnlyTheGateway(String overlay) {
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        Map<String, String> gatewayConfig = configOf(m, WorkloadPolicyTest.deployment(overlay, QuarkusApp.named("gateway")));
        List<String> wrong = new ArrayList<>();
        // Per pod: Stork's DNS discovery over each app's headless Service, so the gateway balances,
        // takes pods out of rotation and retries on another pod itself.
        ProdProfile gatewayProfile = ProdProfile.of(QuarkusApp.named("gateway").properties());
        String discovery = gatewayConfig.getOrDefault("PORTAL_PODS_DISCOVERY", gatewayProfile.get("portal.pods.discovery"));
        if (!"dns".equals(discovery)) {
            wrong.add("the gateway does not find the apps' pods by DNS: portal.pods.discovery=" + discovery);
        }
        String domain = gatewayConfig.getOrDefault("PORTAL_PODS_DOMAIN", gatewayProfile.get("portal.pods.domain"));
        for (String target : gatewayTargets()) {
            QuarkusApp app = QuarkusApp.named(target);
            String settings = "quarkus.stork." + target + ".service-discovery.";
            String hostname = String.valueOf(gatewayProfile.get(settings + "hostname")).replace("${portal.pods.domain}", domain);
            String[] name = hostname.split("\\.", 3);
            Service pods = m.find(Service.class, name[0]).orElse(null);
            Map<String, String> podLabels = WorkloadPolicyTest.deployment(overlay, app).getSpec().getTemplate()
                    .getMetadata().getLabels();
            if (pods == null || name.length != 3 || !name[1].equals(pods.getMetadata().getNamespace())
                    || !name[2].equals("svc.cluster.local")) {
                wrong.add(settings + "hostname " + hostname + " is not a Service's name in this namespace");
                continue;
            }
            if (!"None".equals(pods.getSpec().getClusterIP())
                    || !podLabels.entrySet().containsAll(pods.getSpec().getSelector().entrySet())
                    || Boolean.TRUE.equals(pods.getSpec().getPublishNotReadyAddresses())) {
                wrong.add(hostname + " is not a headless Service of " + target + "'s ready pods");
            }
            if (!String.valueOf(app.port()).equals(gatewayProfile.get(settings + "port"))
                    || !"A".equals(gatewayProfile.get(settings + "record-type"))) {
                wrong.add(settings + "port/record-type: not A records at " + target + "'s port " + app.port());
            }
        }
        Service gateway = m.find(Service.class, "gateway").orElseThrow();
        String gatewayUrl = "http://gateway:" + gateway.getSpec().getPorts().getFirst().getPort();
        for (String web : List.of("citizen-web", "admin-console")) {
            Map<String, String> config = configOf(m, WorkloadPolicyTest.deployment(overlay, QuarkusApp.named(web)));
            if (!gatewayUrl.equals(config.get("PORTAL_GATEWAY_URL"))) {
                wrong.add(web + ": PORTAL_GATEWAY_URL " + config.get("PORTAL_GATEWAY_URL") + ", not " + gatewayUrl);
            }
            // Its REST clients all point at the gateway (portal.gateway-url), none at a service.
            ProdProfile prod = ProdProfile.of(QuarkusApp.named(web).properties());
            prod.values().forEach((key, value) -> {
                if (key.matches("quarkus\\.rest-client\\.[^.]+\\.url") && !value.equals("${portal.gateway-url}")) {
                    wrong.add(web + ": " + key + "=" + value + " does not go through the gateway");
                }
            });
            if (!prod.get("portal.gateway-url").contains("${PORTAL_GATEWAY_URL")) {
                wrong.add(web + ": portal.gateway-url in prod is not read from PORTAL_GATEWAY_URL: " + prod.get("portal.gateway-url"));
            }
        }
        assertEquals(List.of(), wrong, overlay);
    }

    static GenericKubernetesResource cluster(Manifests m, String name) {
        return m.custom("postgresql.cnpg.io/v1", "Cluster").stream()
                .filter(c -> name.equals(c.getMetadata().getName())).findFirst()
                .orElseGet(() -> fail("No CloudNativePG Cluster " + name));
    }

    static Map<String, String> configOf(Manifests m, Deployment d) {
        String configMap = d.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnvFrom().getFirst()
                .getConfigMapRef().getName();
        return m.find(io.fabric8.kubernetes.api.model.ConfigMap.class, configMap)
                .orElseGet(() -> fail("No ConfigMap " + configMap)).getData();
    }

    static EnvVar env(Deployment d, String name) {
        return d.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                .filter(e -> name.equals(e.getName())).findFirst()
                .orElseGet(() -> fail(d.getMetadata().getName() + ": no env " + name));
    }

    /** A field of a custom resource by path, or null. */
    static Object get(GenericKubernetesResource resource, String... path) {
        Object current = Manifests.SERIALIZATION.convertValue(resource, Map.class);
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    static String str(GenericKubernetesResource resource, String... path) {
        Object value = get(resource, path);
        return value == null ? null : Objects.toString(value);
    }
}
