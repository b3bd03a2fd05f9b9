package kr.civilportal.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Spectral, the OpenAPI linter, with the project's ruleset ({@code infra/api-lint}: {@code spectral:oas}, nothing
 * switched off), installed from its lock file on first use. A document passes with no error and no warning.
 */
public final class ApiLint {

    private static final long TIMEOUT_MINUTES = 5;

    private ApiLint() {
    }

    /** Spectral's findings of severity warning or worse for {@code document}; empty when it passes. */
    public static synchronized String findings(String document) throws IOException, InterruptedException {
        Path lint = directory();
        Path spectral = lint.resolve("node_modules/.bin/spectral");
        if (!Files.isExecutable(spectral)) {
            run(lint, List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"), "npm ci in " + lint);
        }
        // Kept in the module's target/ so that the line numbers of a finding can be looked up.
        Path file = Path.of("target", "openapi-linted.json").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, document, StandardCharsets.UTF_8);
        Result result = exec(lint, List.of(spectral.toString(), "lint", file.toString(), "--ruleset",
                lint.resolve(".spectral.yaml").toString(), "--fail-severity=warn", "--format=text"));
        return result.exitCode() == 0 ? "" : result.output();
    }

    /** {@code infra/api-lint} of the checkout the test runs in (found upwards from the working directory). */
    static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path lint = dir.resolve("infra/api-lint");
            if (Files.isRegularFile(lint.resolve("package-lock.json"))) {
                return lint;
            }
        }
        throw new IllegalStateException("infra/api-lint not found above " + Path.of("").toAbsolutePath());
    }

    private static void run(Path dir, List<String> command, String what) throws IOException, InterruptedException {
        Result result = exec(dir, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(what + " failed:\n" + result.output());
        }
    }

    private static Result exec(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
