package kr.civilportal.k8s;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code kubectl kustomize} (kustomize v5, as kubectl 1.27+ embeds it) on a folder of {@code k8s/}. A
 * missing kubectl fails the test that needs it, with what to install: the manifests are only checked if they
 * are built the way a cluster operator builds them.
 */
final class Kustomize {

    static final List<String> OVERLAYS = List.of("local", "prod", "dr");
    static final List<String> BASES = List.of("gateway", "residency", "passport", "land-registry",
            "emergency-report", "citizen-web", "admin-console", "keycloak", "kafka", "notification", "platform",
            "monitoring");
    private static final long TIMEOUT_SECONDS = 120;
    private static final Map<String, String> BUILT = new ConcurrentHashMap<>();
    /** The manifests use kustomize v5 fields (labels, patches with targets); older ones fail obscurely. */
    private static final int MIN_KUSTOMIZE_MAJOR = 5;
    private static volatile boolean versionChecked;

    private Kustomize() {
    }

    static String overlay(String name) {
        return build("k8s/overlays/" + name);
    }

    static String base(String name) {
        return build("k8s/base/" + name);
    }

    static String build(String relativeDir) {
        return BUILT.computeIfAbsent(relativeDir, Kustomize::run);
    }

    static Path kubectl() {
        String explicit = System.getenv("KUBECTL");
        if (explicit != null && !explicit.isBlank()) {
            if (!Files.isExecutable(Path.of(explicit))) {
                fail("KUBECTL=" + explicit + " is not an executable kubectl");
            }
            return Path.of(explicit);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("kubectl is not installed (nor KUBECTL set): the Kubernetes manifests are checked by building "
                + "them with `kubectl kustomize`. Install kubectl 1.27 or newer (it embeds kustomize v5), e.g. the "
                + "Debian package `kubectl` from the Kubernetes or Google Cloud apt repository; Debian's own "
                + "`kubernetes-client` (1.20, kustomize v2) is too old.");
    }

    /** Fails unless the kubectl found embeds kustomize v5 or newer. */
    private static void checkVersion(Path kubectl) throws IOException, InterruptedException {
        if (versionChecked) {
            return;
        }
        Process process = new ProcessBuilder(kubectl.toString(), "version", "--client", "-o", "json")
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail(kubectl + " version --client failed:\n" + out);
        }
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("\"kustomizeVersion\"\\s*:\\s*\"v(\\d+)").matcher(out);
        if (!version.find() || Integer.parseInt(version.group(1)) < MIN_KUSTOMIZE_MAJOR) {
            fail(kubectl + " embeds no kustomize v" + MIN_KUSTOMIZE_MAJOR + " or newer (kubectl 1.27+ does):\n" + out);
        }
        versionChecked = true;
    }

    private static String run(String relativeDir) {
        Path dir = Repo.path(relativeDir);
        if (!Files.isDirectory(dir)) {
            fail("No such folder: " + dir);
        }
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Path kubectl = kubectl();
                checkVersion(kubectl);
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("kubectl kustomize " + relativeDir + " did not finish within " + TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    fail("kubectl kustomize " + relativeDir + " failed (exit " + process.exitValue() + "):\n"
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return fail("Cannot run kubectl kustomize " + relativeDir + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("Interrupted while building " + relativeDir);
        }
    }
}
