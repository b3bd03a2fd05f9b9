package kr.civilportal.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.civilportal.launcher.RealmFiles;
import org.junit.jupiter.api.Test;

/**
 * infra/compose/compose.yaml runs the same topology as infra/portal: the contract's ports, one database and role
 * per app with data created by the init script, Keycloak with the development realm as the launcher merges it,
 * the gateway routing to every app and the web apps calling the gateway only. It runs the portal without
 * notifications, as infra/portal does by default: no Kafka, no notification service (the services' events wait in
 * their outboxes, and the gateway, in its dev profile, has no /api/notification route).
 */
class ComposeTest {

    /** The apps compose runs: every portal app but the notification service (see above). */
    private static final List<QuarkusApp> APPS = QuarkusApp.ALL.stream().filter(a -> !a.name().equals("notification")).toList();

    private static final Map<String, Integer> CONTRACT_PORTS = Map.of("gateway", 8080, "residency", 8081,
            "passport", 8082, "land-registry", 8083, "emergency-report", 8084, "citizen-web", 8085, "admin-console", 8086,
            "keycloak", 8180, "postgres", 15432);
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://postgres:5432/([a-z_]+)");

    private static JsonNode compose() {
        return Manifests.documents(Repo.read("infra/compose/compose.yaml")).getFirst();
    }

    @Test
    void everyAppRunsOnItsContractPort() {
        JsonNode services = compose().path("services");
        List<String> wrong = new ArrayList<>();
        CONTRACT_PORTS.forEach((name, port) -> {
            JsonNode service = services.path(name);
            if (service.isMissingNode()) {
                wrong.add(name + " missing");
                return;
            }
            List<String> ports = service.path("ports").valueStream().map(JsonNode::asText).toList();
            boolean published = ports.stream().anyMatch(p -> p.startsWith(port + ":"));
            if (!published) {
                wrong.add(name + " does not publish " + port + " " + ports);
            }
        });
        for (QuarkusApp app : APPS) {
            JsonNode env = services.path(app.name()).path("environment");
            if (env.path("QUARKUS_HTTP_PORT").asInt() != app.port()) {
                wrong.add(app.name() + " listens on " + env.path("QUARKUS_HTTP_PORT").asText() + ", not " + app.port());
            }
            if (!services.path(app.name()).path("ports").toString().contains("\"" + app.port() + ":" + app.port() + "\"")) {
                wrong.add(app.name() + " must publish " + app.port() + ":" + app.port());
            }
            if (!env.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText().endsWith("/realms/portal")) {
                wrong.add(app.name() + ": OIDC server " + env.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyFileComposeMountsExists() {
        List<String> missing = new ArrayList<>();
        compose().path("services").forEach(service -> service.path("volumes").forEach(volume -> {
            String source = volume.asText().split(":")[0];
            if (source.startsWith(".") && !java.nio.file.Files.exists(Repo.path("infra/compose").resolve(source).normalize())) {
                missing.add(source);
            }
        }));
        assertEquals(List.of(), missing, "compose mounts files that do not exist");
    }

    @Test
    void eachAppHasItsOwnDatabaseAndRoleFromTheInitScript() {
        JsonNode services = compose().path("services");
        String init = Repo.read("infra/compose/postgres/01-databases.sh");
        Matcher loop = Pattern.compile("for db in ([a-z ]+); do").matcher(init);
        assertTrue(loop.find(), "the init script loops over the databases");
        List<String> created = List.of(loop.group(1).trim().split(" +"));
        assertTrue(services.path("postgres").path("volumes").toString().contains("01-databases.sh:/docker-entrypoint-initdb.d/"),
                "the init script is mounted where the postgres image runs it");
        for (QuarkusApp app : APPS) {
            JsonNode env = services.path(app.name()).path("environment");
            if (!app.hasDatabase()) {
                assertTrue(env.path("QUARKUS_DATASOURCE_JDBC_URL").isMissingNode(), app.name() + " has no database");
                assertFalse(services.path(app.name()).path("depends_on").has("postgres"), app.name() + " needs no database");
                continue;
            }
            Matcher jdbc = JDBC.matcher(env.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
            assertTrue(jdbc.matches(), app.name() + ": " + env.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
            assertEquals(app.database(), jdbc.group(1), app.name() + ": its own database");
            assertEquals(app.database(), env.path("QUARKUS_DATASOURCE_USERNAME").asText(), app.name() + ": its own role");
            assertEquals(app.database() + "-dev", env.path("QUARKUS_DATASOURCE_PASSWORD").asText(),
                    app.name() + ": the init script's development password");
            assertTrue(created.contains(app.database()), app.name() + ": the init script creates " + app.database());
        }
    }

    @Test
    void keycloakImportsTheDevelopmentRealmAsTheLauncherMergesIt() throws IOException {
        JsonNode keycloak = compose().path("services").path("keycloak");
        assertTrue(keycloak.path("command").toString().contains("--import-realm"));
        assertTrue(keycloak.path("volumes").toString().contains("./keycloak/portal-realm.dev.json:/opt/keycloak/data/import/"));
        JsonNode merged = Manifests.JSON.readTree(RealmFiles.developmentRealm(Repo.path("infra/keycloak")));
        JsonNode committed = Manifests.JSON.readTree(Repo.path("infra/compose/keycloak/portal-realm.dev.json").toFile());
        assertEquals(merged, committed, "infra/compose/keycloak/portal-realm.dev.json is stale: run infra/compose/merge-realm.sh");
        // The web apps log in with the dev realm's client secrets: their dev profile's, as compose runs them.
        for (String[] appAndClient : List.of(new String[] {"citizen-web", "portal-web"},
                new String[] {"admin-console", "portal-admin"})) {
            QuarkusApp app = QuarkusApp.named(appAndClient[0]);
            JsonNode env = compose().path("services").path(app.name()).path("environment");
            assertEquals("dev", env.path("QUARKUS_PROFILE").asText(), app.name());
            String appSecret = env.has("QUARKUS_OIDC_CREDENTIALS_SECRET") ? env.path("QUARKUS_OIDC_CREDENTIALS_SECRET").asText()
                    : app.properties().getProperty("%dev.quarkus.oidc.credentials.secret");
            String realmSecret = merged.path("clients").valueStream()
                    .filter(c -> c.path("clientId").asText().equals(appAndClient[1])).findFirst().orElseThrow()
                    .path("secret").asText();
            assertEquals(realmSecret, appSecret, app.name() + "'s client secret is the dev realm's " + appAndClient[1]);
        }
        // The gateway checks bearer tokens only: no client secret (it lost the web login tenant).
        assertTrue(compose().path("services").path("gateway").path("environment").path("QUARKUS_OIDC_CREDENTIALS_SECRET")
                .isMissingNode(), "the gateway needs no client secret");
    }

    @Test
    void theGatewayRoutesToEveryAppAndTheWebAppsCallOnlyTheGateway() {
        JsonNode services = compose().path("services");
        JsonNode gateway = services.path("gateway").path("environment");
        List<String> wrong = new ArrayList<>();
        for (String target : CustomResourcesTest.gatewayTargets()) {
            if (APPS.stream().noneMatch(a -> a.name().equals(target))) {
                continue;
            }
            String variable = "QUARKUS_STORK_" + ProdProfile.envName(target) + "_SERVICE_DISCOVERY_ADDRESS_LIST";
            String expected = target + ":" + QuarkusApp.named(target).port();
            if (!expected.equals(gateway.path(variable).asText())) {
                wrong.add("gateway " + variable + "=" + gateway.path(variable).asText() + ", not " + expected);
            }
        }
        for (String web : List.of("citizen-web", "admin-console")) {
            String url = services.path(web).path("environment").path("PORTAL_GATEWAY_URL").asText();
            if (!url.equals("http://gateway:" + QuarkusApp.named("gateway").port())) {
                wrong.add(web + ": PORTAL_GATEWAY_URL " + url);
            }
        }
        assertEquals(List.of(), wrong);
    }
}
