package kr.civilportal.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load generator for the benchmarks: {@code concurrency} virtual users, each sending its next
 * request as soon as the previous one answered, for a fixed number of requests or until a time limit. It
 * records latency in an HdrHistogram and counts statuses, and prints one line of figures. Benchmarks compare
 * runs made in the same process (direct vs. through the gateway, cold vs. cached), since this machine is
 * shared and noisy: ratios mean more than absolute numbers.
 */
public final class LoadRunner {

    private static final long HIGHEST_TRACKABLE_MICROS = Duration.ofMinutes(2).toNanos() / 1000;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();

    /** The figures of one run. */
    public record Result(String name, int concurrency, long requests, double seconds, Histogram latencyMicros,
                         Map<Integer, Long> statuses, long failures) {

        public double throughput() {
            return requests / seconds;
        }

        public double p50Millis() {
            return latencyMicros.getValueAtPercentile(50) / 1000.0;
        }

        public double p99Millis() {
            return latencyMicros.getValueAtPercentile(99) / 1000.0;
        }

        public long count(int status) {
            return statuses.getOrDefault(status, 0L);
        }

        public String line() {
            return String.format("%-42s c=%-3d n=%-6d %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  statuses %s  failures %d",
                    name, concurrency, requests, throughput(), p50Millis(), p99Millis(), statuses, failures);
        }
    }

    /**
     * Runs {@code total} requests made by {@code request} (given the request's sequence number) with
     * {@code concurrency} in flight, bounded by {@code limit} in time.
     */
    public Result run(String name, int concurrency, int total, Duration limit, IntFunction<HttpRequest> request) {
        Histogram latency = new ConcurrentHistogram(HIGHEST_TRACKABLE_MICROS, 3);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicLong next = new AtomicLong();
        LongAdder failures = new LongAdder();
        LongAdder done = new LongAdder();
        long deadline = System.nanoTime() + limit.toNanos();
        CountDownLatch finished = new CountDownLatch(concurrency);
        ExecutorService users = Executors.newVirtualThreadPerTaskExecutor();
        long start = System.nanoTime();
        for (int u = 0; u < concurrency; u++) {
            users.submit(() -> {
                try {
                    long i;
                    while ((i = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request.apply((int) i),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            statuses.computeIfAbsent(response.statusCode(), k -> new LongAdder()).increment();
                        } catch (Exception e) {
                            failures.increment();
                        }
                        latency.recordValue(Math.min((System.nanoTime() - t0) / 1000, HIGHEST_TRACKABLE_MICROS));
                        done.increment();
                    }
                } finally {
                    finished.countDown();
                }
            });
        }
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        users.shutdownNow();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.sum()));
        Result result = new Result(name, concurrency, done.sum(), seconds, latency, counts, failures.sum());
        System.out.println("[bench] " + result.line());
        return result;
    }

    /** Prints how {@code measured} compares to {@code baseline}: throughput ratio and p50/p99 ratios. */
    public static void printRatio(String label, Result baseline, Result measured) {
        System.out.printf("[bench] %-42s throughput x%.2f  p50 x%.2f  p99 x%.2f  (vs %s)%n", label,
                measured.throughput() / baseline.throughput(), measured.p50Millis() / baseline.p50Millis(),
                measured.p99Millis() / baseline.p99Millis(), baseline.name());
    }
}
