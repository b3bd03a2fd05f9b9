package kr.civilportal.gateway.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import kr.civilportal.gateway.relay.HeldReport.State;
import org.jboss.logging.Logger;

/**
 * Sends held reports on, oldest first, once the service answers again. While the service is away it backs
 * off (doubling from {@code backoff-initial} to {@code backoff-max}), so a long outage costs one connection
 * attempt now and then, not a storm when it comes back. Safe with several gateway replicas: each report is
 * claimed with {@code FOR UPDATE SKIP LOCKED} for the time of its attempt.
 */
@ApplicationScoped
public class HeldReportForwarder {

    private static final Logger LOG = Logger.getLogger(HeldReportForwarder.class);

    private final RelayConfig config;
    private final RelayJournal journal;
    private final ReportDelivery delivery;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile int consecutiveUnreachable;

    HeldReportForwarder(RelayConfig config, RelayJournal journal, ReportDelivery delivery, MeterRegistry registry) {
        this.config = config;
        this.journal = journal;
        this.delivery = delivery;
        for (State state : State.values()) {
            Gauge.builder("portal.gateway.relay.reports", journal, j -> {
                        long n = j.count(state);
                        return n < 0 ? Double.NaN : n;
                    })
                    .description("119 reports the gateway held for the service, by state")
                    .tag("state", state.name()).register(registry);
        }
    }

    @Scheduled(every = "${portal.gateway.relay.forward-interval}", delayed = "${portal.gateway.relay.forward-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.forwardingEnabled() || Instant.now().isBefore(pausedUntil)) {
            return;
        }
        try {
            forwardDue();
        } catch (RuntimeException e) {
            LOG.warnf("Forwarding held 119 reports failed, will try again: %s", e.toString());
        }
    }

    /** One pass: forwards due reports, oldest first, until none is due or the service is unreachable. */
    public int forwardDue() {
        int handled = 0;
        while (handled < config.batchSize()) {
            RelayJournal.Pass pass = journal.forwardOldest(this::send, backoff(consecutiveUnreachable + 1));
            if (pass == RelayJournal.Pass.NOTHING_DUE) {
                consecutiveUnreachable = 0;
                break;
            }
            if (pass == RelayJournal.Pass.SERVICE_UNREACHABLE) {
                consecutiveUnreachable++;
                Duration wait = backoff(consecutiveUnreachable);
                pausedUntil = Instant.now().plus(wait);
                LOG.infof("emergency-report still unreachable; held reports wait (next try in %d ms)", wait.toMillis());
                break;
            }
            consecutiveUnreachable = 0;
            handled++;
        }
        return handled;
    }

    /** Doubling from the initial back-off up to the maximum. */
    Duration backoff(int failures) {
        long initial = config.backoffInitial().toMillis();
        long max = config.backoffMax().toMillis();
        int shift = Math.min(Math.max(failures - 1, 0), 20);
        return Duration.ofMillis(Math.min(max, initial << shift));
    }

    private Attempt send(RelayJournal.Stored stored) {
        OutgoingReport report = new OutgoingReport(RelayJournal.headersFor(stored), Buffer.buffer(stored.body()),
                stored.host());
        try {
            // Blocking here is fine: this runs on the scheduler's worker thread, holding the row's lock.
            return delivery.deliver(report).toCompletionStage().toCompletableFuture()
                    .get(config.attemptTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt.Unreachable("interrupted");
        } catch (Exception e) {
            return new Attempt.Unreachable("no answer: " + e);
        }
    }
}
