package kr.civilportal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project checkout the launcher runs from, and its git-ignored {@code .portal/} state folder: PostgreSQL
 * data, the unpacked Keycloak, one log file per process, pid files of the processes it started.
 */
public record PortalHome(Path root, Path state) {

    public static PortalHome locate() {
        String configured = System.getProperty("portal.home");
        Path start = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("infra/keycloak")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return new PortalHome(p, p.resolve(".portal"));
            }
        }
        throw new IllegalStateException("Run from inside the portal checkout (no infra/keycloak above " + start + ")");
    }

    public Path keycloakRealmDir() {
        return root.resolve("infra/keycloak");
    }

    public Path keycloakArchive() {
        return state.resolve("dist/keycloak-quarkus-dist.tar.gz");
    }

    public Path keycloakInstallRoot() {
        return state.resolve("keycloak");
    }

    public Path postgresData() {
        return state.resolve("data/postgres");
    }

    public Path logs() {
        return directory(state.resolve("logs"));
    }

    public Path run() {
        return directory(state.resolve("run"));
    }

    public Path moduleDir(String module) {
        return root.resolve(module);
    }

    static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
