package kr.civilportal.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-model saturation with wrk: a fixed number of keep-alive connections, each sending its next request
 * as soon as the previous one answered, so the figure is the most the path can serve. wrk (C, epoll) costs
 * far less CPU per request than a JVM client, which matters on a two-core machine where the load generator
 * competes with the proxy for CPU; it is limited to one thread, i.e. at most one core.
 */
final class Wrk {

    static final String WRK = "/usr/bin/wrk";
    static final Duration TIMEOUT_MARGIN = Duration.ofSeconds(60);

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(\\w+),");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** One wrk run's figures and its whole output (kept for the log). */
    record Result(String name, long requests, double requestsPerSecond, long non2xx, long socketErrors,
                  String output) {
    }

    private Wrk() {
    }

    static void requireInstalled() {
        if (!Files.isExecutable(Path.of(WRK))) {
            throw new IllegalStateException(WRK + " is missing: sudo apt-get install wrk (see infra/system-tests/README.md)");
        }
    }

    /** {@code connections} connections on one thread for {@code duration}, every request with {@code headers}. */
    static Result run(String name, String url, int connections, Duration duration, List<String> headers) {
        List<String> command = new ArrayList<>(List.of(WRK, "-t1", "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "10s"));
        for (String header : headers) {
            command.add("-H");
            command.add(header);
        }
        command.add(url);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(duration.plus(TIMEOUT_MARGIN).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not end");
            }
            String output = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("wrk failed (exit " + process.exitValue() + "):\n" + output);
            }
            Matcher requests = REQUESTS.matcher(output);
            Matcher rate = RATE.matcher(output);
            if (!requests.find() || !rate.find()) {
                throw new IllegalStateException("Unexpected wrk output:\n" + output);
            }
            Matcher non2xx = NON_2XX.matcher(output);
            Matcher errors = SOCKET_ERRORS.matcher(output);
            long socketErrors = 0;
            if (errors.find()) {
                for (int g = 1; g <= 4; g++) {
                    socketErrors += Long.parseLong(errors.group(g));
                }
            }
            return new Result(name, Long.parseLong(requests.group(1)), Double.parseDouble(rate.group(1)),
                    non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socketErrors, output);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run wrk", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
