package kr.civilportal.web.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The W3C Nu HTML checker (vnu.jar, installed by web-common's npm build from the lock file) run on pages a test
 * saved: it answers its errors, one line each, none for valid HTML. Run as its own process with the JDK that runs
 * the tests.
 */
public final class NuHtmlChecker {

    /** Where web-common's build put it; the apps' surefire passes its path as {@code vnu.jar}. */
    public static final String JAR_PROPERTY = "vnu.jar";
    private static final long TIME_OUT_MINUTES = 5;

    private NuHtmlChecker() {
    }

    /** Saves a page under {@code dir} as {@code name}.html for the check. */
    public static void save(Path dir, String name, String html) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".html"), html, StandardCharsets.UTF_8);
    }

    /** The checker's errors on every .html file in {@code dir}; warnings (info) are left out. */
    public static List<String> errors(Path dir) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, "../web-common/web-assets/node_modules/vnu-jar/build/dist/vnu.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The Nu HTML checker is missing at " + jar.toAbsolutePath()
                    + ": build services/web-common first (its npm step installs vnu-jar)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--errors-only", "--format", "text", "--skip-non-html"));
        command.add(dir.toString());
        Path output = Files.createTempFile("vnu", ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(TIME_OUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("The Nu HTML checker did not finish");
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("Error:") || l.startsWith("Fatal Error:")).toList();
        Files.delete(output);
        if (process.exitValue() != 0 && lines.isEmpty()) {
            throw new IllegalStateException("The Nu HTML checker failed without naming an error");
        }
        return lines;
    }
}
