package kr.civilportal.common.crypto;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress of re-sealing one purpose's values under the active key after a rotation, as meters every service
 * names alike: {@code portal.at_rest.resealed} (values re-sealed by this replica) and
 * {@code portal.at_rest.remaining} (values still under another key, as last counted), both tagged with the purpose.
 */
public final class ResealProgress {

    private final Counter resealed;
    private final AtomicLong remaining = new AtomicLong(-1);

    public ResealProgress(MeterRegistry registry, String purpose) {
        this.resealed = Counter.builder("portal.at_rest.resealed").tag("purpose", purpose)
                .description("Values re-sealed under the active key").register(registry);
        Gauge.builder("portal.at_rest.remaining", remaining, AtomicLong::get).tag("purpose", purpose)
                .description("Values still sealed under another key than the active one (-1 before the first count)")
                .register(registry);
    }

    public void resealed(int count) {
        resealed.increment(count);
    }

    public void remaining(long count) {
        remaining.set(count);
    }

    public double resealedSoFar() {
        return resealed.count();
    }

    public long remainingAtLastCount() {
        return remaining.get();
    }
}
