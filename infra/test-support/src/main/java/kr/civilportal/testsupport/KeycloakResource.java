package kr.civilportal.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import kr.civilportal.launcher.KeycloakServer;
import kr.civilportal.launcher.PortalHome;

/**
 * A real Keycloak with the development realm for a service's {@code @QuarkusTest}s: by default the Maven Central
 * distribution as the launcher runs it, on a free port ({@link FreePort}); from the Keycloak image through
 * Testcontainers when the tests run on containers ({@link TestInfrastructure}). Tests get tokens for the demo
 * users from {@link Tokens}.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    /** System property through which {@link Tokens} finds this Keycloak. */
    public static final String TOKEN_ENDPOINT_PROPERTY = "portal.test.token-endpoint";
    /**
     * System property naming the port of a Keycloak with the development realm that runs for the whole build
     * ({@code infra/portal test} starts one and passes it to Maven): tests then use it instead of starting their
     * own, which each module's test resources (and each system-test portal) would otherwise do, at half a minute
     * or more of this machine's CPU each time. Without it, every resource starts its own.
     */
    public static final String BUILD_KEYCLOAK_PORT_PROPERTY = "portal.test.keycloak-port";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private KeycloakServer keycloak;
    private KeycloakContainer container;

    @Override
    public Map<String, String> start() {
        PortalHome home = PortalHome.locate();
        if (TestInfrastructure.chosen() == TestInfrastructure.CONTAINERS) {
            container = KeycloakContainer.start(TestInfrastructure.image(TestInfrastructure.KEYCLOAK_IMAGE_PROPERTY),
                    home, READY_TIMEOUT);
            System.setProperty(TOKEN_ENDPOINT_PROPERTY, container.tokenEndpoint());
            return Map.of("quarkus.oidc.auth-server-url", container.issuer());
        }
        keycloak = buildKeycloak().orElseGet(() -> {
            Path target = Path.of("target").toAbsolutePath();
            return KeycloakServer.start(home, FreePort.belowEphemeralRange(), target.resolve("keycloak-logs"),
                    target.resolve("run"));
        });
        keycloak.awaitReady(READY_TIMEOUT);
        System.setProperty(TOKEN_ENDPOINT_PROPERTY, keycloak.tokenEndpoint());
        return Map.of("quarkus.oidc.auth-server-url", keycloak.issuer());
    }

    /** The Keycloak running for the whole build ({@link #BUILD_KEYCLOAK_PORT_PROPERTY}), if there is one. */
    public static Optional<KeycloakServer> buildKeycloak() {
        return Optional.ofNullable(Integer.getInteger(BUILD_KEYCLOAK_PORT_PROPERTY)).map(KeycloakServer::elsewhere);
    }

    @Override
    public void stop() {
        if (container != null) {
            container.close();
        }
        if (keycloak != null) {
            // One running for the whole build is left running (close() leaves a Keycloak started elsewhere).
            keycloak.close();
        }
    }
}
