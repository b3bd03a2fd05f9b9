package kr.civilportal.testsupport;

import java.time.Duration;
import kr.civilportal.launcher.KeycloakServer;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.RealmFiles;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Keycloak in a container with the same development realm as the embedded one ({@link RealmFiles}). It runs
 * {@code start-dev}, whose host name follows the requests: tests and services all reach it at the mapped port on
 * this host, so every token's issuer is that address, the one the services are configured with.
 */
public final class KeycloakContainer implements AutoCloseable {

    private static final int HTTP_PORT = 8080;
    private static final String REALM_FILE = "/opt/keycloak/data/import/portal-realm.json";

    private final GenericContainer<?> container;

    private KeycloakContainer(GenericContainer<?> container) {
        this.container = container;
    }

    public static KeycloakContainer start(String image, PortalHome home, Duration readyTimeout) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withExposedPorts(HTTP_PORT)
                // A local administrator for the admin console, as the embedded Keycloak has (tests only).
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
                .withCopyToContainer(Transferable.of(RealmFiles.developmentRealm(home.keycloakRealmDir())), REALM_FILE)
                .withCommand("start-dev", "--import-realm", "--http-port=" + HTTP_PORT)
                .waitingFor(Wait.forHttp("/realms/" + KeycloakServer.REALM + "/.well-known/openid-configuration")
                        .forPort(HTTP_PORT)
                        .withStartupTimeout(readyTimeout));
        container.start();
        return new KeycloakContainer(container);
    }

    public String issuer() {
        return "http://" + container.getHost() + ":" + container.getMappedPort(HTTP_PORT) + "/realms/" + KeycloakServer.REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    @Override
    public void close() {
        container.stop();
    }
}
