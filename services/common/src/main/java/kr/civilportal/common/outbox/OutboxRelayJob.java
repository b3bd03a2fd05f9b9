package kr.civilportal.common.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the relay on every replica (the relay's lock lets one publish at a time) while the service knows a broker
 * ({@code kafka.bootstrap.servers}); without one, events wait in the outbox. A broker away is said once, and its
 * return once; meanwhile rounds back off up to {@code portal.outbox.longest-backoff}.
 */
@ApplicationScoped
@IfBuildProperty(name = "portal.outbox.enabled", stringValue = "true")
public class OutboxRelayJob {

    private static final Logger LOG = Logger.getLogger(OutboxRelayJob.class);
    /** Rounds in one run while full batches keep coming, so that a backlog drains without hogging the scheduler. */
    private static final int MOST_ROUNDS_PER_RUN = 50;

    private final OutboxRelay relay;
    private final OutboxSettings settings;
    private final Optional<String> bootstrapServers;
    private final String clientId;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong waiting = new AtomicLong();
    private EventPublisher publisher;
    private Duration backoff = Duration.ZERO;
    private Instant nextTry = Instant.MIN;
    private String lastFailure;
    private boolean counted;

    OutboxRelayJob(OutboxRelay relay, OutboxSettings settings, MeterRegistry registry,
                   @ConfigProperty(name = "kafka.bootstrap.servers") Optional<String> bootstrapServers,
                   @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.relay = relay;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers.filter(s -> !s.isBlank());
        this.clientId = applicationName + "-outbox";
        Gauge.builder("portal.outbox.waiting", waiting, AtomicLong::get)
                .description("Domain events written but not yet published to Kafka").register(registry);
    }

    // The fallback repeats the default of the property: @Scheduled resolves expressions, not the mapping.
    @Scheduled(every = "${portal.outbox.relay-every:1s}", delayed = "${portal.outbox.relay-delayed:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (bootstrapServers.isPresent() && !clock.instant().isBefore(nextTry)) {
            relay();
        }
    }

    /** Publishes what waits, up to a bounded number of rounds; returns how many events were published. */
    public synchronized int relay() {
        if (bootstrapServers.isEmpty()) {
            return 0;
        }
        int published = 0;
        try {
            for (int round = 0; round < MOST_ROUNDS_PER_RUN; round++) {
                OutboxRelay.Round r = relay.relayOnce(publisher(), settings.batchSize());
                published += r.published();
                if (r.failed()) {
                    failed(r.failure(), published);
                    return published;
                }
                if (r.busy() || r.published() < settings.batchSize()) {
                    break;
                }
            }
            recovered(published);
            relay.purgePublishedBefore(clock.instant().minus(settings.keepPublished()), settings.batchSize());
        } catch (SQLException | RuntimeException e) {
            failed(e.getClass().getSimpleName() + ": " + e.getMessage(), published);
        } finally {
            // Counted when the backlog may have changed (or not yet counted): an idle run costs no extra query.
            if (published > 0 || lastFailure != null || !counted) {
                count();
            }
        }
        return published;
    }

    private EventPublisher publisher() {
        if (publisher == null) {
            publisher = new KafkaEventPublisher(bootstrapServers.orElseThrow(), clientId, settings.publishTimeout());
        }
        return publisher;
    }

    private void failed(String failure, int published) {
        if (lastFailure == null) {
            LOG.warnf("Domain events cannot be published (%s); they wait in the outbox, %d published before", failure,
                    published);
        }
        lastFailure = failure;
        Duration first = Duration.ofSeconds(1);
        backoff = backoff.isZero() ? first : backoff.multipliedBy(2);
        if (backoff.compareTo(settings.longestBackoff()) > 0) {
            backoff = settings.longestBackoff();
        }
        nextTry = clock.instant().plus(backoff);
    }

    private void recovered(int published) {
        if (lastFailure != null) {
            LOG.infof("Domain events are published again (%d just now)", published);
        }
        lastFailure = null;
        backoff = Duration.ZERO;
        nextTry = Instant.MIN;
    }

    private void count() {
        try {
            waiting.set(relay.waiting());
            counted = true;
        } catch (SQLException e) {
            // The gauge keeps its last value; the database's own troubles show in its health check.
        }
    }

    void close(@Observes ShutdownEvent shutdown) {
        if (publisher != null) {
            publisher.close();
        }
    }
}
