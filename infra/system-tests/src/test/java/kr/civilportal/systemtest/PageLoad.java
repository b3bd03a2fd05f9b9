package kr.civilportal.systemtest;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Citizens reading pages while something breaks: each stream is a few signed-in browsers ({@link WebSession}),
 * each opening its stream's pages one after the other, round and round, with a short pause. Every page is judged
 * by the stream's expectation (a normal page, or e.g. the "unavailable" panel while a service hangs) and recorded
 * in the current phase: statuses, pages as expected or not (with samples), Keycloak's login page (a citizen
 * signed out), the gateway's fallback page, latency. The page-level sibling of {@link SteadyLoad}.
 */
final class PageLoad implements AutoCloseable {

    /** What one stream opens, and what each page must be. */
    record Stream(String name, List<WebSession> sessions, List<String> paths, Predicate<WebSession.Page> expected) {
    }

    /** The pages one stream got in one phase. */
    static final class Tally {
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder asExpected = new LongAdder();
        final LongAdder unexpected = new LongAdder();
        final LongAdder loginPages = new LongAdder();
        final LongAdder fallbackPages = new LongAdder();
        final LongAdder panels = new LongAdder();
        final LongAdder transportFailures = new LongAdder();
        final AtomicInteger inFlight = new AtomicInteger();
        final Histogram millis = new ConcurrentHistogram(Duration.ofMinutes(2).toMillis(), 3);
        final List<String> samples = Collections.synchronizedList(new ArrayList<>());

        long total() {
            return asExpected.sum() + unexpected.sum() + transportFailures.sum();
        }

        /** Pages not as expected, and requests that got no page at all. */
        long failures() {
            return unexpected.sum() + transportFailures.sum();
        }

        long p50() {
            return millis.getValueAtPercentile(50);
        }

        long p99() {
            return millis.getValueAtPercentile(99);
        }

        long max() {
            return millis.getMaxValue();
        }

        Map<Integer, Long> statusCounts() {
            Map<Integer, Long> m = new TreeMap<>();
            statuses.forEach((k, v) -> m.put(k, v.sum()));
            return m;
        }
    }

    private static final Duration PAUSE = Duration.ofMillis(100);
    private static final int SAMPLES = 5;

    private final List<Stream> streams;
    private final ExecutorService browsers;
    private final AtomicReference<String> phase = new AtomicReference<>("warm-up");
    private final Map<String, Map<String, Tally>> tallies = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    PageLoad(List<Stream> streams) {
        this.streams = streams;
        this.browsers = Executors.newFixedThreadPool(streams.stream().mapToInt(s -> s.sessions().size()).sum());
        for (Stream stream : streams) {
            for (int s = 0; s < stream.sessions().size(); s++) {
                WebSession session = stream.sessions().get(s);
                int first = s;
                browsers.submit(() -> loop(stream, session, first));
            }
        }
    }

    void phase(String name) {
        phase.set(name);
    }

    Tally tally(String phaseName, String stream) {
        return tallies.getOrDefault(phaseName, Map.of()).getOrDefault(stream, new Tally());
    }

    /** Waits until every stream has at least {@code pages} pages in the current phase. */
    void awaitPages(long pages, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String current = phase.get();
        while (streams.stream().anyMatch(s -> tally(current, s.name()).total() < pages)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Fewer than " + pages + " pages per stream within " + limit + " in phase "
                        + current + ": " + summary(current));
            }
            pace(Duration.ofMillis(50));
        }
    }

    /** Waits until every page asked for in {@code phaseName} has come (call after moving to the next phase). */
    void awaitSettled(String phaseName, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (tallies.getOrDefault(phaseName, Map.of()).values().stream().anyMatch(t -> t.inFlight.get() > 0)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Pages of phase " + phaseName + " still unanswered after " + limit);
            }
            pace(Duration.ofMillis(20));
        }
    }

    String summary(String phaseName) {
        StringBuilder out = new StringBuilder();
        for (Stream s : streams) {
            Tally t = tally(phaseName, s.name());
            out.append(String.format("%n  [%s] %-16s pages=%-4d as-expected=%-4d p50 %5d ms  p99 %5d ms  max %5d ms  "
                            + "statuses %s  login-pages %d  fallback-pages %d  unavailable-panels %d  no-answer %d",
                    phaseName, s.name(), t.total(), t.asExpected.sum(), t.p50(), t.p99(), t.max(), t.statusCounts(),
                    t.loginPages.sum(), t.fallbackPages.sum(), t.panels.sum(), t.transportFailures.sum()));
            if (!t.samples.isEmpty()) {
                out.append("  e.g. ").append(t.samples.get(0));
            }
        }
        return out.toString();
    }

    private void loop(Stream stream, WebSession session, int first) {
        int next = first;
        while (running) {
            String path = stream.paths().get(next++ % stream.paths().size());
            Tally tally = tallies.computeIfAbsent(phase.get(), p -> new ConcurrentHashMap<>())
                    .computeIfAbsent(stream.name(), n -> new Tally());
            tally.inFlight.incrementAndGet();
            try {
                WebSession.Page page = session.get(path);
                tally.statuses.computeIfAbsent(page.status(), k -> new LongAdder()).increment();
                tally.millis.recordValue(Math.max(0, page.millis()));
                if (page.isLoginPage()) {
                    tally.loginPages.increment();
                }
                if (page.isCitizenFallback() || page.isOfficialsFallback()) {
                    tally.fallbackPages.increment();
                }
                if (page.hasUnavailablePanel()) {
                    tally.panels.increment();
                }
                if (stream.expected().test(page)) {
                    tally.asExpected.increment();
                } else {
                    tally.unexpected.increment();
                    sample(tally, path + " -> " + page);
                }
            } catch (IOException | RuntimeException e) {
                tally.transportFailures.increment();
                sample(tally, path + " -> " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                tally.inFlight.decrementAndGet();
            }
            pace(PAUSE);
        }
    }

    private static void sample(Tally tally, String what) {
        if (tally.samples.size() < SAMPLES) {
            tally.samples.add(what);
        }
    }

    /** Paces a browser between pages (a reader, not a load generator). */
    private static void pace(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        browsers.shutdown();
        try {
            if (!browsers.awaitTermination(90, TimeUnit.SECONDS)) {
                browsers.shutdownNow();
            }
        } catch (InterruptedException e) {
            browsers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
