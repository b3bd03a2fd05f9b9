package kr.civilportal.notification.event;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code notification_events_total{channel, outcome}}: events taken ({@code accepted}), seen before
 * ({@code duplicate}), of a type or version this service does not read ({@code unsupported}) and not envelopes at
 * all ({@code malformed}). Never the type as a tag: a publisher's new types would grow the series without bound.
 */
@ApplicationScoped
public class EventMetrics {

    @Inject
    MeterRegistry registry;

    public void count(String channel, String outcome) {
        registry.counter("notification.events", "channel", channel, "outcome", outcome).increment();
    }
}
