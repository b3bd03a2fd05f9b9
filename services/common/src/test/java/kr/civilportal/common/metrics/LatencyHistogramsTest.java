package kr.civilportal.common.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Prometheus scrapes: bucket series for HTTP requests (so p99 can be computed), none for other timers. */
class LatencyHistogramsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    LatencyHistogramsTest() {
        registry.config().meterFilter(new LatencyHistograms().httpServerLatencyHistogram());
    }

    @Test
    void httpServerRequestsArePublishedWithBoundedBuckets() {
        Timer.builder("http.server.requests").tag("uri", "/api/x").register(registry).record(Duration.ofMillis(12));

        List<String> buckets = lines("http_server_requests_seconds_bucket");
        assertTrue(buckets.size() > 10, "a histogram worth a p99: " + buckets.size() + " buckets");
        assertTrue(buckets.size() < 80, "bounded, not Micrometer's full range: " + buckets.size() + " buckets");
        assertTrue(buckets.stream().anyMatch(l -> l.contains("le=\"+Inf\"") && l.endsWith(" 1")),
                "the request is counted: " + buckets);
    }

    @Test
    void otherTimersGetNoBuckets() {
        Timer.builder("passport.fee.lookup").register(registry).record(Duration.ofMillis(3));

        assertEquals(List.of(), lines("passport_fee_lookup_seconds_bucket"));
        assertEquals(1, lines("passport_fee_lookup_seconds_count").size());
    }

    private List<String> lines(String series) {
        return registry.scrape().lines().filter(l -> l.startsWith(series)).toList();
    }
}
