package kr.civilportal.testsupport;

import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Locale;
import org.testcontainers.DockerClientFactory;

/**
 * Where the tests take PostgreSQL and Keycloak from, chosen by the system property {@value #PROPERTY} (the root
 * pom sets it; {@code -Pcontainers} switches it): {@code embedded}, processes started from Maven artifacts, or
 * {@code containers}, Testcontainers through the Docker API at {@code DOCKER_HOST} (Podman's socket here). A
 * run that asked for containers never falls back to the embedded processes: it fails, saying what is missing.
 */
public enum TestInfrastructure {
    EMBEDDED,
    CONTAINERS;

    public static final String PROPERTY = "portal.test.infrastructure";
    /** The PostgreSQL image: the official postgres image's interface (POSTGRES_USER, _PASSWORD, _DB; port 5432). */
    public static final String POSTGRES_IMAGE_PROPERTY = "portal.test.postgres-image";
    /** The Keycloak image: the upstream Keycloak image's interface (kc.sh as entrypoint, port 8080). */
    public static final String KEYCLOAK_IMAGE_PROPERTY = "portal.test.keycloak-image";

    public static TestInfrastructure chosen() {
        String value = System.getProperty(PROPERTY, "embedded");
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " is '" + value + "': it must be embedded or containers", e);
        }
    }

    /** The image named by {@code property}, once the container engine answers and has it (or can pull it). */
    public static String image(String property) {
        String image = System.getProperty(property);
        if (image == null || image.isBlank()) {
            throw new IllegalStateException(property + " is not set: run the tests through Maven (the root pom sets it)");
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("The tests run on containers (" + PROPERTY + "=containers) but no container "
                    + "engine answers at DOCKER_HOST=" + System.getenv("DOCKER_HOST") + ". Start one, e.g. "
                    + "podman system service --time=0 unix:///run/podman/podman.sock, and export "
                    + "DOCKER_HOST=unix:///run/podman/podman.sock (infra/portal test-containers does both).");
        }
        if (image.startsWith("localhost/")) {
            try {
                DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            } catch (NotFoundException e) {
                throw new IllegalStateException("The image " + image + " is not built: run infra/containers/build-images", e);
            }
        }
        return image;
    }
}
