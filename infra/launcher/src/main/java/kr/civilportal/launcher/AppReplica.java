package kr.civilportal.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One running replica of a portal application: a separate JVM running the module's Quarkus jar. */
public final class AppReplica {

    /** Longer than the apps' shutdown delay plus drain timeout (application.properties: quarkus.shutdown.*). */
    static final Duration STOP_GRACE = Duration.ofSeconds(40);

    private final PortalApp app;
    private final int replica;
    private final int port;
    private final ChildProcess process;
    private volatile boolean paused;

    private AppReplica(PortalApp app, int replica, int port, ChildProcess process) {
        this.app = app;
        this.replica = replica;
        this.port = port;
        this.process = process;
    }

    /** Whether the app's module has been built (its Quarkus jar is there). */
    static boolean isBuilt(PortalOptions options, PortalApp app) {
        return Files.isRegularFile(options.home().moduleDir(app.module()).resolve("target/quarkus-app/quarkus-run.jar"));
    }

    static AppReplica start(PortalOptions options, PortalApp app, int replica, Map<String, String> config) {
        Path jar = options.home().moduleDir(app.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (mvn install -DskipTests)");
        }
        int port = options.port(app, replica);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.jvmOptions());
        // The development profile of each app: demo data on, development keys (application.properties %dev).
        command.add("-Dquarkus.profile=dev");
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dportal.replica=" + app.id() + "-" + replica);
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        String name = app.id() + "-" + replica;
        ChildProcess process = ChildProcess.start(name, command, Map.of(), options.home().moduleDir(app.module()),
                options.logDir(), options.runDir());
        return new AppReplica(app, replica, port, process);
    }

    public void awaitReady(Duration timeout) {
        try {
            Http.awaitOk(process.name(), url() + "/q/health/ready", timeout, process::isAlive);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\n--- last lines of " + process.log() + "\n"
                    + process.tail(40), e);
        }
    }

    public PortalApp app() {
        return app;
    }

    public int replica() {
        return replica;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public ChildProcess process() {
        return process;
    }

    /** Graceful: readiness goes DOWN, in-flight requests drain, then the JVM exits. */
    public void stop() {
        resume(); // a frozen JVM would only see the SIGTERM when thawed, after the grace period
        process.stop(STOP_GRACE);
    }

    /** kill -9. */
    public void kill() {
        process.kill();
    }

    /** SIGSTOP: the replica hangs (connections accepted, nothing answered) until {@link #resume()}. */
    public synchronized void pause() {
        process.pause();
        paused = true;
    }

    /** SIGCONT, if paused. */
    public synchronized void resume() {
        if (paused && process.isAlive()) {
            process.resume();
        }
        paused = false;
    }

    public boolean isPaused() {
        return paused;
    }
}
