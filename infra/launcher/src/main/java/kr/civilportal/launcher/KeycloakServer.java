package kr.civilportal.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak from its Maven Central distribution, with the development realm imported at every start.
 *
 * <p>It is unpacked and built ({@code kc.sh build}) once into {@code .portal/keycloak/}; later starts use
 * {@code start --optimized}. Its own store is in memory ({@code dev-mem}): the realm files are the source of
 * truth in development, so every start imports them afresh and a changed realm file takes effect at once. The
 * two-site portal keeps it in PostgreSQL instead ({@link Store}), built once more with {@code --db=postgres}.
 * Production runs Keycloak through its operator with a PostgreSQL of its own (see {@code k8s/}).
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "portal";

    /**
     * Keycloak's own store when it is not the default (in memory): a PostgreSQL database. The two-site portal keeps
     * it in the first site's PostgreSQL, replicated with everything else, so the second site's Keycloak has the
     * same realm, signing keys and sessions: citizens signed in before the failover stay signed in.
     */
    public record Store(String jdbcUrl, String username, String password) {
    }

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /** Null for a Keycloak this JVM did not start ({@link #elsewhere}). */
    private final ChildProcess process;
    private final int port;

    private KeycloakServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * A Keycloak with the development realm that another process started and stops, on {@code localhost:port}
     * (e.g. the one {@code infra/portal test} starts for every module's tests): {@link #close()} leaves it running.
     */
    public static KeycloakServer elsewhere(int port) {
        return new KeycloakServer(null, port);
    }

    /** Starts Keycloak on {@code port} without waiting, its store in memory; call {@link #awaitReady(Duration)}. */
    public static KeycloakServer start(PortalHome home, int port, Path logDir, Path runDir) {
        return start(home, port, logDir, runDir, null);
    }

    /**
     * Starts Keycloak on {@code port} without waiting, its store in {@code store} (null: in memory, the realm
     * imported afresh); with a store, the realm is imported only the first time. Call {@link #awaitReady(Duration)}.
     */
    public static KeycloakServer start(PortalHome home, int port, Path logDir, Path runDir, Store store) {
        Path kcHome = install(home, store == null ? "dev-mem" : "postgres");
        String realm = RealmFiles.developmentRealm(home.keycloakRealmDir());
        Path importDir = PortalHome.directory(kcHome.resolve("data/import"));
        writeAtomically(importDir.resolve("portal-realm.json"), realm);
        Path tmp = PortalHome.directory(home.state().resolve("tmp/keycloak-" + port));
        List<String> command = List.of(kcHome.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                "--hostname=http://localhost:" + port, "--import-realm", "--log-console-color=false");
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + tmp,
                // A local administrator for the Keycloak admin console (development only).
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"));
        if (store != null) {
            // In the environment, not on the command line, where every user's ps would show the password.
            env.put("KC_DB_URL", store.jdbcUrl());
            env.put("KC_DB_USERNAME", store.username());
            env.put("KC_DB_PASSWORD", store.password());
        }
        ChildProcess child = ChildProcess.start("keycloak-" + port, command, env, kcHome, logDir, runDir);
        return new KeycloakServer(child, port);
    }

    public void awaitReady(Duration timeout) {
        try {
            Http.awaitOk("Keycloak", issuer() + "/.well-known/openid-configuration", timeout, this::isAlive);
        } catch (IllegalStateException e) {
            String log = process == null ? "(started elsewhere: see its own log)" : process.tail(40);
            throw new IllegalStateException(e.getMessage() + "\n" + log, e);
        }
    }

    /** Whether its process is running; one started elsewhere is taken to be (its address answers or not). */
    public boolean isAlive() {
        return process == null || process.isAlive();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The issuer of the portal realm's tokens, which the services are configured with. */
    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public ChildProcess process() {
        if (process == null) {
            throw new IllegalStateException("Keycloak on port " + port + " was started elsewhere");
        }
        return process;
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(STOP_GRACE);
        }
    }

    /**
     * Unpacks and builds the distribution once per store ({@code dev-mem} or {@code postgres}: Keycloak's store is
     * fixed at build time); concurrent callers (tests in parallel JVMs) wait on a lock.
     */
    static Path install(PortalHome home, String db) {
        String version = buildProperty("keycloak.version");
        Path root = PortalHome.directory(home.keycloakInstallRoot());
        // The in-memory build where it always was; another store's build beside it, in its own folder.
        Path installRoot = db.equals("dev-mem") ? root : PortalHome.directory(root.resolve(db));
        Path kcHome = installRoot.resolve("keycloak-" + version);
        Path marker = kcHome.resolve(".portal-built");
        String wanted = "--db=" + db;
        try (FileChannel lockFile = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(wanted)) {
                return kcHome;
            }
            Path archive = archive(home, version);
            run(List.of("tar", "-xzf", archive.toString(), "-C", installRoot.toString()), installRoot, Map.of());
            run(List.of(kcHome.resolve("bin/kc.sh").toString(), "build", wanted), kcHome,
                    Map.of("JAVA_HOME", System.getProperty("java.home")));
            Files.writeString(marker, wanted);
            return kcHome;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install Keycloak " + version, e);
        }
    }

    private static Path archive(PortalHome home, String version) {
        if (Files.isRegularFile(home.keycloakArchive())) {
            return home.keycloakArchive();
        }
        String repo = System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository");
        Path inRepo = Path.of(repo, "org/keycloak/keycloak-quarkus-dist", version,
                "keycloak-quarkus-dist-" + version + ".tar.gz");
        if (Files.isRegularFile(inRepo)) {
            return inRepo;
        }
        throw new IllegalStateException("The Keycloak distribution is missing: build infra/launcher with Maven first "
                + "(mvn -pl infra/launcher -am install -DskipTests) so that it is fetched");
    }

    private static void run(List<String> command, Path dir, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(BUILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + String.join(" ", command), e);
        }
    }

    private static void writeAtomically(Path target, String content) {
        try {
            Path tmp = Files.createTempFile(target.getParent(), "realm", ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String buildProperty(String key) {
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/launcher-build.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("launcher-build.properties is missing from the launcher jar", e);
        }
    }
}
