package kr.civilportal.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import kr.civilportal.launcher.ChildProcess;
import kr.civilportal.launcher.KeycloakServer;
import kr.civilportal.launcher.PortalHome;
import kr.civilportal.launcher.PortalOptions;
import kr.civilportal.testsupport.KeycloakResource;

/**
 * One Keycloak for every system-test class that neither stops Keycloak nor changes its realm: their portals use it
 * ({@link PortalOptions#withSharedKeycloak}) instead of starting their own. Keycloak is the slowest process of a
 * portal to start (about a minute of this two-core machine's CPU), and each class starts a portal, so sharing it
 * takes that cost off all but the first of them.
 *
 * <p>The classes that keep their own: {@code PortalSystemTest} and {@code IdentityProviderOutageSystemTest} stop
 * and restart it, {@code WebBookingRushSystemTest} changes the realm's password policy and default roles and adds
 * 500 users, {@code SiteLossDrillSystemTest} keeps its store in the first site's PostgreSQL and loses it with the
 * site, {@code ContainersSystemTest} runs it in a container.
 *
 * <p>The one {@code infra/portal test} runs for the whole build when there is one
 * ({@link KeycloakResource#BUILD_KEYCLOAK_PORT_PROPERTY}); otherwise started by the first class that asks (without
 * waiting: that class's portal waits for it as for its own) and stopped when the test JVM exits, its logs in
 * {@code target/shared-keycloak/logs}.
 */
final class SharedKeycloak {

    /**
     * 8180 plus this (plus {@code -Dportal.port-shift}): above every test class's portal (their offsets go up to
     * 15 000), and not the port of the Keycloak {@code infra/portal test} runs (23680), which a killed run can leave
     * behind.
     */
    static final int PORT_OFFSET = 15_400;

    private static KeycloakServer keycloak;
    /** Whether this JVM started it (rather than using the build's). */
    private static boolean ownStarted;

    private SharedKeycloak() {
    }

    static synchronized KeycloakServer get() {
        if (keycloak == null) {
            // The one infra/portal test runs for the whole build, when there is one.
            keycloak = KeycloakResource.buildKeycloak().orElse(null);
        }
        if (keycloak == null) {
            Path work = workDir();
            int port = PortalOptions.KEYCLOAK_PORT + PORT_OFFSET + Integer.getInteger(PortalOptions.PORT_SHIFT_PROPERTY, 0);
            // One a killed test JVM left behind would hold the port.
            ChildProcess.killLeftovers(work.resolve("run"));
            KeycloakServer started = KeycloakServer.start(PortalHome.locate(), port, work.resolve("logs"),
                    work.resolve("run"));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-keycloak-stop"));
            keycloak = started;
            ownStarted = true;
        }
        return keycloak;
    }

    /** Whether {@code process} is the Keycloak this JVM started to share, or one of its children. */
    static synchronized boolean runs(ProcessHandle process) {
        if (keycloak == null || !ownStarted) {
            return false;
        }
        long root = keycloak.process().pid();
        for (Optional<ProcessHandle> p = Optional.of(process); p.isPresent(); p = p.get().parent()) {
            if (p.get().pid() == root) {
                return true;
            }
        }
        return false;
    }

    private static Path workDir() {
        try {
            return Files.createDirectories(Path.of("target/shared-keycloak").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
