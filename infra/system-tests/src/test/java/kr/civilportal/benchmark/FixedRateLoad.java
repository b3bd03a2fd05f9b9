package kr.civilportal.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Open-model load: requests are sent on a fixed schedule (request {@code i} is due at
 * {@code start + i / rate}) whether or not earlier ones have answered, as independent citizens would send
 * them. Latency is measured from the <em>intended</em> send time, so a stall of the server (or of this
 * generator) counts against every request it delayed, not only the one in flight: no coordinated omission.
 * The latency from the actual send time is kept too, to show how much a closed-loop tool would hide.
 */
final class FixedRateLoad implements AutoCloseable {

    static final long HIGHEST_TRACKABLE_MICROS = Duration.ofMinutes(2).toNanos() / 1000;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    /** Below this the sender spins instead of parking: a park can overshoot by the kernel's timer slack. */
    static final long SPIN_NANOS = 20_000;

    private final ExecutorService callbacks = Executors.newFixedThreadPool(2);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(callbacks)
            .build();

    /** One run's figures: latencies in microseconds. */
    record Result(String name, double targetRate, double achievedRate, long requests, Histogram corrected,
                  Histogram uncorrected, Map<Integer, Long> statuses, long failures) {

        double millis(Histogram h, double percentile) {
            return h.getValueAtPercentile(percentile) / 1000.0;
        }

        long count(int status) {
            return statuses.getOrDefault(status, 0L);
        }

        String line() {
            return String.format("%-34s %7.0f req/s (sent %7.0f/s) n=%-7d corrected p50 %6.2f p90 %6.2f p99 %7.2f "
                            + "p99.9 %7.2f max %7.2f ms | uncorrected p99 %7.2f ms  statuses %s failures %d",
                    name, targetRate, achievedRate, requests, millis(corrected, 50), millis(corrected, 90),
                    millis(corrected, 99), millis(corrected, 99.9), corrected.getMaxValue() / 1000.0,
                    millis(uncorrected, 99), statuses, failures);
        }
    }

    /** Sends {@code request} at {@code ratePerSecond} for {@code duration} and waits for every answer. */
    Result run(String name, double ratePerSecond, Duration duration, HttpRequest request) {
        Histogram corrected = new ConcurrentHistogram(HIGHEST_TRACKABLE_MICROS, 3);
        Histogram uncorrected = new ConcurrentHistogram(HIGHEST_TRACKABLE_MICROS, 3);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder failures = new LongAdder();
        Phaser inFlight = new Phaser(1);
        long total = (long) (ratePerSecond * duration.toNanos() / 1e9);
        double intervalNanos = 1e9 / ratePerSecond;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (long i = 0; i < total; i++) {
            long intended = start + (long) (i * intervalNanos);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                if (wait > SPIN_NANOS) {
                    LockSupport.parkNanos(wait - SPIN_NANOS);
                } else {
                    Thread.onSpinWait();
                }
            }
            long sent = System.nanoTime();
            inFlight.register();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long end = System.nanoTime();
                if (error != null) {
                    failures.increment();
                } else {
                    statuses.computeIfAbsent(response.statusCode(), k -> new LongAdder()).increment();
                }
                corrected.recordValue(Math.min((end - intended) / 1000, HIGHEST_TRACKABLE_MICROS));
                uncorrected.recordValue(Math.min((end - sent) / 1000, HIGHEST_TRACKABLE_MICROS));
                inFlight.arriveAndDeregister();
            });
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        try {
            inFlight.awaitAdvanceInterruptibly(inFlight.arrive(), DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + ": answers still missing " + DRAIN_TIMEOUT + " after the last send");
        }
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.sum()));
        return new Result(name, ratePerSecond, total / sendSeconds, total, corrected, uncorrected, counts,
                failures.sum());
    }

    @Override
    public void close() {
        client.close();
        callbacks.shutdownNow();
    }

    /** Several runs of one path merged, e.g. the rounds of an interleaved measurement. */
    static Result merge(String name, Iterable<Result> runs) {
        Histogram corrected = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
        Histogram uncorrected = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
        Map<Integer, Long> statuses = new TreeMap<>();
        long requests = 0;
        long failures = 0;
        double target = 0;
        double achieved = 0;
        int n = 0;
        for (Result r : runs) {
            corrected.add(r.corrected());
            uncorrected.add(r.uncorrected());
            r.statuses().forEach((k, v) -> statuses.merge(k, v, Long::sum));
            requests += r.requests();
            failures += r.failures();
            target += r.targetRate();
            achieved += r.achievedRate();
            n++;
        }
        return new Result(name, target / n, achieved / n, requests, corrected, uncorrected, statuses, failures);
    }
}
