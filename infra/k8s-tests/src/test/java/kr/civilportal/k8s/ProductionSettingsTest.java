package kr.civilportal.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every setting an app's production profile needs is supplied by its Deployment in every overlay, and the
 * Deployments supply nothing the apps do not read. A secret read under one name (say
 * {@code PORTAL_WEB_CLIENT_SECRET}) while its Deployment sets another lets the app start on a cluster
 * without it and fail at the first login. Here each app's {@code application.properties} is read as the prod
 * profile sees it, and every {@code ${NAME}} without a default (an empty default counts as none) must be answered
 * by the Deployment's environment (its {@code env}, or the keys of the ConfigMap it takes with {@code envFrom}).
 */
class ProductionSettingsTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;
    /** The datasource settings an app with a database gets from its Deployment when the prod profile has none. */
    private static final List<String> DATASOURCE = List.of("quarkus.datasource.jdbc.url",
            "quarkus.datasource.username", "quarkus.datasource.password");
    private static final Pattern SECRET_ROW = Pattern.compile("^\\| (`[^|]+`) \\| ([^|]+) \\| ([^|]+) \\|$");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    static Stream<Arguments> workloads() {
        return WorkloadPolicyTest.workloads();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void everySettingTheProductionProfileNeedsIsSupplied(String overlay, String appName) {
        QuarkusApp app = QuarkusApp.named(appName);
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        Set<String> supplied = supplied(m, WorkloadPolicyTest.deployment(overlay, app));
        List<String> missing = missing(ProdProfile.of(app.properties()), supplied);
        assertEquals(List.of(), missing, overlay + ": " + appName + " reads these in production ("
                + QuarkusApp.propertiesPath(app.module()) + ") and its Deployment supplies none of them (env or "
                + "envFrom ConfigMap); it supplies " + supplied);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void everyVariableTheDeploymentSetsIsOneTheAppReads(String overlay, String appName) {
        QuarkusApp app = QuarkusApp.named(appName);
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        ProdProfile prod = ProdProfile.of(app.properties());
        Set<String> read = new LinkedHashSet<>();
        prod.values().forEach((key, value) -> {
            read.add(ProdProfile.envName(key));
            names(value, read);
        });
        // QUARKUS_* names set a Quarkus property directly (most have no line in the file); JAVA_* are the JVM's and
        // the base image's. Every other name must be one the app refers to: a stale one (a secret the app stopped
        // reading) would be a secret handed to a pod for nothing, and a sign the right one may be missing.
        List<String> unread = supplied(m, WorkloadPolicyTest.deployment(overlay, app)).stream()
                .filter(n -> !n.startsWith("QUARKUS_") && !n.startsWith("JAVA_"))
                .filter(n -> !read.contains(n)).toList();
        assertEquals(List.of(), unread, overlay + ": " + appName + "'s Deployment sets what "
                + QuarkusApp.propertiesPath(app.module()) + " does not read");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everySecretTheManifestsReadIsDocumentedAndEveryDocumentedOneIsUsed(String overlay) {
        Manifests m = WorkloadPolicyTest.manifests(overlay);
        Map<String, Set<String>> documented = documentedSecrets();
        List<String> problems = new ArrayList<>();
        for (QuarkusApp app : QuarkusApp.ALL) {
            for (EnvVar env : container(WorkloadPolicyTest.deployment(overlay, app)).getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    var ref = env.getValueFrom().getSecretKeyRef();
                    checkDocumented(documented, ref.getName(), ref.getKey(), app.name() + " " + env.getName(), problems);
                }
            }
        }
        for (Ingress ingress : m.of(Ingress.class)) {
            ingress.getSpec().getTls().forEach(tls -> checkDocumented(documented, tls.getSecretName(), null,
                    "Ingress " + ingress.getMetadata().getName(), problems));
        }
        for (GenericKubernetesResource realmImport : m.custom("k8s.keycloak.org/v2alpha1", "KeycloakRealmImport")) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Map<String, String>>> placeholders = (Map<String, Map<String, Map<String, String>>>)
                    CustomResourcesTest.get(realmImport, "spec", "placeholders");
            placeholders.forEach((name, source) -> checkDocumented(documented, source.get("secret").get("name"),
                    source.get("secret").get("key"), "realm import " + name, problems));
        }
        // The certificates a second-site cluster streams from the primary site with.
        for (GenericKubernetesResource db : m.custom("postgresql.cnpg.io/v1", "Cluster")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> external = (List<Map<String, Object>>) CustomResourcesTest.get(db, "spec", "externalClusters");
            for (Map<String, Object> source : external == null ? List.<Map<String, Object>>of() : external) {
                for (String tls : List.of("sslKey", "sslCert", "sslRootCert")) {
                    if (source.get(tls) instanceof Map<?, ?> ref) {
                        checkDocumented(documented, (String) ref.get("name"), (String) ref.get("key"),
                                "Cluster " + db.getMetadata().getName() + " " + tls, problems);
                    }
                }
            }
        }
        // And no secret is documented that nothing reads any more (an operator would create it for nothing).
        String built = Kustomize.overlay("prod") + Kustomize.overlay("dr");
        for (String secret : documented.keySet()) {
            if (!secret.contains("<") && !Pattern.compile("[ :]" + Pattern.quote(secret) + "\\s*$", Pattern.MULTILINE)
                    .matcher(built).find()) {
                problems.add("k8s/README.md documents secret " + secret + ", which nothing in the prod or dr overlay reads");
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @Test
    void theCheckFindsEverySettingNobodySupplies() {
        Properties properties = properties("""
                a=${A}
                b=${B:}
                c=${C:fallback}
                %dev.d=${D}
                %test.d=${D}
                %prod.e=${E}
                f=${F}
                %prod.f=literal
                %dev,prod.g=${quarkus.h}
                quarkus.h=${H}
                i=${java.io.tmpdir}/uploads
                j=${J:${K}}
                secret.key=${S}
                %prod.other.key=${T}
                """);
        List<String> missing = ProdProfile.of(properties).unsupplied(Set.of("A", "SECRET_KEY", "_PROD_OTHER_KEY"));
        assertEquals(List.of("b -> B", "e -> E", "g -> H", "j -> K", "quarkus.h -> H"), missing.stream().sorted().toList());
        // Supplied through the property a name refers to, or its own environment name: nothing missing.
        assertEquals(List.of(), ProdProfile.of(properties).unsupplied(Set.of("A", "B", "E", "QUARKUS_H", "K",
                "SECRET_KEY", "T")));
    }

    @Test
    void aSecretRemovedFromARealDeploymentIsCaught() {
        Manifests m = WorkloadPolicyTest.manifests("prod");
        for (String[] appAndVariable : List.of(new String[] {"citizen-web", "PORTAL_WEB_SESSION_SECRET"},
                new String[] {"citizen-web", "CITIZEN_WEB_KEYS"}, new String[] {"admin-console", "PORTAL_ADMIN_CLIENT_SECRET"},
                new String[] {"gateway", "GATEWAY_WAITING_ROOM_SECRET"}, new String[] {"residency", "RRN_LOOKUP_KEY"},
                new String[] {"passport", "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET"})) {
            QuarkusApp app = QuarkusApp.named(appAndVariable[0]);
            Set<String> supplied = new LinkedHashSet<>(supplied(m, WorkloadPolicyTest.deployment("prod", app)));
            ProdProfile prod = ProdProfile.of(app.properties());
            assertEquals(List.of(), missing(prod, supplied), app.name() + " as committed");
            assertTrue(supplied.remove(appAndVariable[1]), app.name() + " sets " + appAndVariable[1]);
            List<String> missing = missing(prod, supplied);
            assertFalse(missing.isEmpty(), app.name() + " without " + appAndVariable[1] + " must be caught");
        }
        // The datasource, for an app that has one: its URL comes only from the manifests.
        QuarkusApp web = QuarkusApp.named("citizen-web");
        Set<String> supplied = new LinkedHashSet<>(supplied(m, WorkloadPolicyTest.deployment("prod", web)));
        supplied.remove("QUARKUS_DATASOURCE_JDBC_URL");
        assertEquals(List.of("quarkus.datasource.jdbc.url (the app has a datasource)"),
                missing(ProdProfile.of(web.properties()), supplied));
    }

    /** What the prod profile needs and {@code supplied} lacks: {@code ${NAME}}s, and an app's datasource. */
    static List<String> missing(ProdProfile prod, Set<String> supplied) {
        List<String> missing = new ArrayList<>(prod.unsupplied(supplied));
        if (prod.get("quarkus.datasource.db-kind") != null) {
            for (String key : DATASOURCE) {
                if (prod.get(key) == null && !supplied.contains(ProdProfile.envName(key))) {
                    missing.add(key + " (the app has a datasource)");
                }
            }
        }
        return missing;
    }

    /** The environment variable names a Deployment's container gets: env, and envFrom ConfigMaps' keys. */
    static Set<String> supplied(Manifests m, Deployment d) {
        Container c = container(d);
        Set<String> names = new LinkedHashSet<>();
        for (EnvVar env : c.getEnv()) {
            if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = env.getValueFrom().getConfigMapKeyRef();
                ConfigMap map = m.find(ConfigMap.class, ref.getName())
                        .orElseGet(() -> fail(d.getMetadata().getName() + ": no ConfigMap " + ref.getName()));
                if (!map.getData().containsKey(ref.getKey())) {
                    fail(d.getMetadata().getName() + ": ConfigMap " + ref.getName() + " has no key " + ref.getKey());
                }
            }
            names.add(env.getName());
        }
        for (EnvFromSource from : c.getEnvFrom()) {
            if (from.getConfigMapRef() == null) {
                fail(d.getMetadata().getName() + ": envFrom other than a ConfigMap: teach the k8s tests its keys");
            }
            String name = from.getConfigMapRef().getName();
            ConfigMap map = m.find(ConfigMap.class, name)
                    .orElseGet(() -> fail(d.getMetadata().getName() + ": no ConfigMap " + name));
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            map.getData().keySet().forEach(k -> names.add(prefix + k));
        }
        return names;
    }

    private static void names(String value, Set<String> into) {
        for (ProdProfile.Expression e : ProdProfile.expressions(value)) {
            into.add(e.name());
            if (e.fallback() != null) {
                names(e.fallback(), into);
            }
        }
    }

    /** k8s/README.md's "Secrets" table: secret name (or names) and the keys it lists. */
    static Map<String, Set<String>> documentedSecrets() {
        String readme = Repo.read("k8s/README.md");
        int start = readme.indexOf("## Secrets");
        assertTrue(start >= 0, "k8s/README.md has a Secrets section");
        int end = readme.indexOf("\n## ", start + 1);
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            Matcher row = SECRET_ROW.matcher(line.trim());
            if (!row.matches()) {
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            Matcher key = BACKTICKED.matcher(row.group(2));
            while (key.find()) {
                keys.add(key.group(1));
            }
            Matcher name = BACKTICKED.matcher(row.group(1));
            while (name.find()) {
                secrets.put(name.group(1), keys);
            }
        }
        assertFalse(secrets.isEmpty(), "no rows in k8s/README.md's Secrets table");
        return secrets;
    }

    private static void checkDocumented(Map<String, Set<String>> documented, String secret, String key, String user,
                                        List<String> problems) {
        String row = documented.containsKey(secret) ? secret
                : secret.endsWith("-db-app") ? "<db>-db-app" : secret;
        Set<String> keys = documented.get(row);
        if (keys == null) {
            problems.add(user + " reads secret " + secret + ", which k8s/README.md does not list (an operator would "
                    + "not create it)");
        } else if (key != null && !keys.contains(key)) {
            problems.add(user + " reads key " + key + " of secret " + secret + "; k8s/README.md lists " + keys);
        }
    }

    private static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private static Properties properties(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
