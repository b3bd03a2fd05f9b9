package kr.civilportal.common.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Publishes HTTP server latencies as histogram buckets ({@code http_server_requests_seconds_bucket}) in every
 * app, so Prometheus can compute p99 per service and route across all replicas — a per-process percentile
 * cannot be aggregated. The range is bounded so each series gets a few dozen buckets, not the default hundred.
 */
@Singleton
public class LatencyHistograms {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    static final Duration SHORTEST = Duration.ofMillis(1);
    /** The gateway's longest route time-out (the 119 event stream) bounds what is worth telling apart. */
    static final Duration LONGEST = Duration.ofSeconds(90);

    @Produces
    @Singleton
    public MeterFilter httpServerLatencyHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().startsWith(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) SHORTEST.toNanos())
                        .maximumExpectedValue((double) LONGEST.toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
