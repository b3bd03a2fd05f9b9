package kr.civilportal.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.civilportal.launcher.ChildProcess;
import kr.civilportal.launcher.Http;
import kr.civilportal.launcher.Portal;
import kr.civilportal.launcher.PortalApp;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.launcher.signing.DevCertificateAuthority;
import kr.civilportal.launcher.signing.DevSigningAuthority;
import kr.civilportal.testsupport.KeycloakContainer;
import kr.civilportal.testsupport.PostgresContainer;
import kr.civilportal.testsupport.TestInfrastructure;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container path end to end: PostgreSQL and Keycloak from their images through Testcontainers (Podman here,
 * Docker where there is one), residency and the gateway as the real service jars in their own JVMs, configured as
 * the launcher configures them, and a citizen's call through the gateway with a real token. Only the
 * {@code containers} run takes it ({@code infra/portal test-containers}); ports are shifted by {@value #PORT_OFFSET},
 * which no other system test uses.
 */
class ContainersSystemTest {

    static final int PORT_OFFSET = 4_500;
    static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    /** Longer than the apps' shutdown delay plus drain timeout (application.properties: quarkus.shutdown.*). */
    static final Duration STOP_GRACE = Duration.ofSeconds(40);

    static PostgresContainer postgres;
    static KeycloakContainer keycloak;
    static DevSigningAuthority signing;
    static final Map<PortalApp, ChildProcess> apps = new LinkedHashMap<>();
    static PortalOptions options;

    @BeforeAll
    static void startPortalOnContainers() throws Exception {
        PortalHome home = PortalHome.locate();
        Path work = Files.createDirectories(Path.of("target/containers-system-test").toAbsolutePath());
        options = PortalOptions.isolated(home, PORT_OFFSET, work);
        postgres = PostgresContainer.start(TestInfrastructure.image(TestInfrastructure.POSTGRES_IMAGE_PROPERTY));
        keycloak = KeycloakContainer.start(TestInfrastructure.image(TestInfrastructure.KEYCLOAK_IMAGE_PROPERTY), home,
                READY_TIMEOUT);
        signing = DevSigningAuthority.start(options.signingAuthorityData(), options.signingAuthorityPort());
        for (PortalApp app : List.of(PortalApp.RESIDENCY, PortalApp.GATEWAY)) {
            postgres.ensureDatabase(app.database(), Portal.devPassword(app));
            apps.put(app, start(app));
        }
        for (Map.Entry<PortalApp, ChildProcess> app : apps.entrySet()) {
            try {
                Http.awaitOk(app.getKey().id(), url(app.getKey()) + "/q/health/ready", READY_TIMEOUT,
                        app.getValue()::isAlive);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage() + "\n" + app.getValue().tail(40), e);
            }
        }
    }

    @AfterAll
    static void stopPortal() {
        // The gateway first, so nothing routes to a service that is going away.
        new ArrayList<>(apps.values()).reversed().forEach(app -> app.stop(STOP_GRACE));
        if (signing != null) {
            signing.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aCitizenReadsTheirResidentRecordThroughTheGatewayWithATokenFromTheKeycloakContainer() {
        String token = Tokens.of(keycloak.tokenEndpoint(), "citizen");
        // The issuer the services were given is the one in the token: both reach Keycloak at the same address.
        assertEquals(keycloak.issuer(), claim(token, "iss"));

        given().auth().oauth2(token)
                .when().get(options.gatewayUrl() + "/api/residency/v1/me")
                .then().statusCode(200)
                .body("name", equalTo("김지민"))
                .body("residentRegistrationNumber", equalTo("900315-2******"));
        given().when().get(options.gatewayUrl() + "/api/residency/v1/me")
                .then().statusCode(401)
                .body("type", equalTo("urn:civilportal:problem:unauthenticated"));
    }

    private static ChildProcess start(PortalApp app) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.jvmOptions());
        command.add("-Dquarkus.profile=dev");
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + options.port(app, 0));
        command.add("-Dportal.replica=" + app.id() + "-0");
        config(app).forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(options.home().moduleDir(app.module()).resolve("target/quarkus-app/quarkus-run.jar").toString());
        return ChildProcess.start(app.id(), command, Map.of(), options.home().moduleDir(app.module()),
                options.logDir(), options.runDir());
    }

    /** What the launcher gives each app, with PostgreSQL and Keycloak at the containers' addresses. */
    private static Map<String, String> config(PortalApp app) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        config.put("portal.openapi.auth-server-url", keycloak.issuer());
        config.put("portal.identity.realm-keys.file", options.realmKeysFile().toString());
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(app.database()));
        config.put("quarkus.datasource.username", app.database());
        config.put("quarkus.datasource.password", Portal.devPassword(app));
        config.put("quarkus.datasource.jdbc.acquisition-timeout", "60s");
        if (app.signsDocuments()) {
            config.put("portal.document-signing.key-store", signing.documentSigningKeystore(app.id()).toString());
            config.put("portal.document-signing.key-store-password", DevCertificateAuthority.PASSWORD);
            config.put("portal.document-signing.time-stamp-authority", signing.timeStampUrl());
            config.put("portal.document-signing.trusted-roots", signing.certificateAuthority().rootPem().toString());
        }
        if (app == PortalApp.GATEWAY) {
            // Every route the gateway knows; only residency runs here, the others' addresses answer nothing.
            List<PortalApp> routed = new ArrayList<>(PortalApp.services());
            routed.addAll(PortalApp.webApps());
            for (PortalApp service : routed) {
                config.put("quarkus.stork." + service.id() + ".service-discovery.type", "static");
                config.put("quarkus.stork." + service.id() + ".service-discovery.address-list",
                        "localhost:" + options.port(service, 0));
            }
        }
        return config;
    }

    private static String url(PortalApp app) {
        return "http://localhost:" + options.port(app, 0);
    }

    private static String claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(payload).getString(name);
    }
}
