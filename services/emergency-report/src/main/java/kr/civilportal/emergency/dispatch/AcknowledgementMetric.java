package kr.civilportal.emergency.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import kr.civilportal.emergency.report.ReportCategory;

/**
 * Time from receipt to a dispatcher's acknowledgement (접수→확인 소요 시간), the figure a 119 centre is judged
 * by. A histogram per category, so percentiles can be computed across replicas in Prometheus; at
 * {@code /q/metrics} as {@code emergency_report_acknowledgement_seconds_*}.
 */
@ApplicationScoped
public class AcknowledgementMetric {

    static final String NAME = "emergency.report.acknowledgement";
    private final MeterRegistry registry;

    AcknowledgementMetric(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(ReportCategory category, Duration delay) {
        Timer.builder(NAME)
                .description("Time from a report's receipt to its acknowledgement by a dispatcher")
                .tag("category", category.name())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry)
                .record(delay.isNegative() ? Duration.ZERO : delay);
    }
}
