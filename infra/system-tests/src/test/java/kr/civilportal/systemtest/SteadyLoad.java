package kr.civilportal.systemtest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Steady background load on several services at once, as citizens keep using the portal while something breaks:
 * each stream is a few users sending one request after another, paced to a rate (so a service answering 503 at
 * once does not flood the machine). Every answer is recorded in the current phase ("before", "during", ...),
 * per stream: status counts, transport failures, latency (HdrHistogram), and the slowest 503.
 */
final class SteadyLoad implements AutoCloseable {

    /** What one stream sends: a fresh request each time (new Idempotency-Key etc.). */
    record Stream(String name, int users, Duration pause, Supplier<HttpRequest> request) {
    }

    /** The answers one stream got in one phase. */
    static final class Tally {
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder transportFailures = new LongAdder();
        /** Requests sent in this phase and not answered yet. */
        final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        final Histogram latencyMicros = new ConcurrentHistogram(Duration.ofMinutes(2).toNanos() / 1000, 3);
        final Histogram unavailableMicros = new ConcurrentHistogram(Duration.ofMinutes(2).toNanos() / 1000, 3);
        final List<String> failureSamples = java.util.Collections.synchronizedList(new ArrayList<>());

        long count(int status) {
            LongAdder n = statuses.get(status);
            return n == null ? 0 : n.sum();
        }

        long total() {
            return statuses.values().stream().mapToLong(LongAdder::sum).sum() + transportFailures.sum();
        }

        long successes() {
            return statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToLong(e -> e.getValue().sum()).sum();
        }

        /** Every answer that is not 2xx, and every request that got no answer at all. */
        long failures() {
            return total() - successes();
        }

        double p50() {
            return latencyMicros.getValueAtPercentile(50) / 1000.0;
        }

        double p99() {
            return latencyMicros.getValueAtPercentile(99) / 1000.0;
        }

        Map<Integer, Long> statusCounts() {
            Map<Integer, Long> m = new TreeMap<>();
            statuses.forEach((k, v) -> m.put(k, v.sum()));
            return m;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Stream> streams;
    private final ExecutorService users;
    private final AtomicReference<String> phase = new AtomicReference<>("warm-up");
    private final Map<String, Map<String, Tally>> tallies = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    SteadyLoad(List<Stream> streams) {
        this.streams = streams;
        this.users = Executors.newFixedThreadPool(streams.stream().mapToInt(Stream::users).sum());
        for (Stream stream : streams) {
            for (int u = 0; u < stream.users(); u++) {
                users.submit(() -> loop(stream));
            }
        }
    }

    /** From now on, answers are recorded under {@code name}. */
    void phase(String name) {
        phase.set(name);
    }

    String currentPhase() {
        return phase.get();
    }

    Tally tally(String phaseName, String stream) {
        return tallies.getOrDefault(phaseName, Map.of()).getOrDefault(stream, new Tally());
    }

    /**
     * Waits until every request sent in {@code phaseName} has its answer (call after moving to the next phase):
     * so that what a phase counts was both sent and answered in it, e.g. none answered after a hung service
     * was resumed.
     */
    void awaitSettled(String phaseName, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (tallies.getOrDefault(phaseName, Map.of()).values().stream().anyMatch(t -> t.inFlight.get() > 0)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Requests of phase " + phaseName + " still unanswered after " + limit);
            }
            pauseBriefly(Duration.ofMillis(20));
        }
    }

    /** Waits until every stream has at least {@code answers} answers in the current phase. */
    void awaitAnswers(long answers, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String current = phase.get();
        while (streams.stream().anyMatch(s -> tally(current, s.name()).total() < answers)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Fewer than " + answers + " answers per stream within " + limit
                        + " in phase " + current + ": " + summary(current));
            }
            pauseBriefly(Duration.ofMillis(50));
        }
    }

    String summary(String phaseName) {
        StringBuilder out = new StringBuilder();
        for (Stream s : streams) {
            Tally t = tally(phaseName, s.name());
            out.append(String.format("%n  [%s] %-18s n=%-5d ok=%-5d p50 %7.1f ms  p99 %7.1f ms  statuses %s  no-answer %d",
                    phaseName, s.name(), t.total(), t.successes(), t.p50(), t.p99(), t.statusCounts(),
                    t.transportFailures.sum()));
            if (!t.failureSamples.isEmpty()) {
                out.append("  e.g. ").append(t.failureSamples.get(0));
            }
        }
        return out.toString();
    }

    private void loop(Stream stream) {
        while (running) {
            String current = phase.get();
            Tally tally = tallies.computeIfAbsent(current, p -> new ConcurrentHashMap<>())
                    .computeIfAbsent(stream.name(), n -> new Tally());
            long start = System.nanoTime();
            tally.inFlight.incrementAndGet();
            try {
                HttpResponse<String> response = client.send(stream.request().get(), HttpResponse.BodyHandlers.ofString());
                long micros = (System.nanoTime() - start) / 1000;
                tally.statuses.computeIfAbsent(response.statusCode(), k -> new LongAdder()).increment();
                tally.latencyMicros.recordValue(micros);
                if (response.statusCode() == 503) {
                    tally.unavailableMicros.recordValue(micros);
                }
                if (response.statusCode() / 100 != 2 && tally.failureSamples.size() < 5) {
                    tally.failureSamples.add(response.statusCode() + " " + abbreviate(response.body()));
                }
            } catch (IOException e) {
                tally.transportFailures.increment();
                if (tally.failureSamples.size() < 5) {
                    tally.failureSamples.add(e.toString());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                tally.transportFailures.increment();
                tally.failureSamples.add(e.toString());
            } finally {
                tally.inFlight.decrementAndGet();
            }
            pauseBriefly(stream.pause());
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** Paces a user between requests (load shaping, not waiting for anything). */
    private static void pauseBriefly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        users.shutdown();
        try {
            if (!users.awaitTermination(60, TimeUnit.SECONDS)) {
                users.shutdownNow();
            }
        } catch (InterruptedException e) {
            users.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
