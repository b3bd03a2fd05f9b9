package kr.civilportal.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.json.Json;

/**
 * The W3C Nu HTML checker (the same vnu.jar the web apps' own tests use: web-common's npm build installs it from
 * its lock file) run once per test JVM as a local HTTP service on 127.0.0.1 and a free port, so that every page a
 * journey checks costs one local request, not a JVM start. Offline: it is given the page's bytes, never a URL.
 */
final class NuHtmlChecker {

    /** The jar's path; the pom passes web-common's copy. */
    static final String JAR_PROPERTY = "vnu.jar";
    /** Its start (schemas loaded) on a saturated 2-core machine took 26 s when measured. */
    private static final Duration START_TIME_OUT = Duration.ofMinutes(4);
    private static final Duration CHECK_TIME_OUT = Duration.ofMinutes(2);
    private static final Duration START_POLL = Duration.ofMillis(500);

    private static NuHtmlChecker running;

    private final Process process;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private NuHtmlChecker(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** The checker of this JVM, started on first use and ended with the JVM. */
    static synchronized NuHtmlChecker get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running.process::destroy));
        }
        return running;
    }

    private static NuHtmlChecker start() {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY,
                "../../services/web-common/web-assets/node_modules/vnu-jar/build/dist/vnu.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The Nu HTML checker is missing at " + jar.toAbsolutePath()
                    + ": build services/web-common first (its npm step installs vnu-jar)");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = Path.of(System.getProperty("screenshots.dir", "target/screenshots")).resolveSibling("nu-checker.log");
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-Dnu.validator.servlet.bind-address=127.0.0.1", "-cp", jar.toString(),
                    "nu.validator.servlet.Main", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            NuHtmlChecker checker = new NuHtmlChecker(process, URI.create("http://127.0.0.1:" + port + "/?out=json"));
            checker.awaitReady(log);
            return checker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Path log) {
        Instant deadline = Instant.now().plus(START_TIME_OUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Nu HTML checker ended at start; see " + log.toAbsolutePath());
            }
            try {
                if (errors("<!DOCTYPE html><html lang=\"en\"><head><title>ready</title></head><body></body></html>")
                        .isEmpty()) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // Not listening yet.
            }
            try {
                Thread.sleep(START_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The Nu HTML checker did not start within " + START_TIME_OUT);
    }

    /**
     * The checker's errors on one page, one line each ("line L: message: «extract»"), none for valid HTML;
     * its warnings and notes are left out.
     */
    @SuppressWarnings("unchecked")
    List<String> errors(String html) {
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(endpoint).timeout(CHECK_TIME_OUT)
                    .header("Content-Type", "text/html; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(html, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("The Nu HTML checker answered " + answer.statusCode() + ": " + answer.body());
        }
        Map<String, Object> result = new Json().toType(answer.body(), Map.class);
        List<String> errors = new ArrayList<>();
        for (Map<String, Object> message : (List<Map<String, Object>>) result.get("messages")) {
            // "error" is invalid markup; "non-document-error" means the page could not be checked at all.
            String type = String.valueOf(message.get("type"));
            if (type.equals("error") || type.equals("non-document-error")) {
                errors.add("line " + message.get("lastLine") + ": " + message.get("message") + ": «"
                        + String.valueOf(message.get("extract")).replace('\n', ' ') + "»");
            }
        }
        return errors;
    }
}
