package kr.civilportal.notification.event;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import kr.civilportal.notification.NotificationSettings;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes the services' events (Kafka topics {@code residency.events}, {@code passport.events},
 * {@code land-registry.events} and {@code emergency-report.events}, channels of the same names with a hyphen, group
 * {@code notification}). At least once: a message is acknowledged (its offset committed) only after this
 * method returned, i.e. after the intake's transaction committed; a redelivery then does nothing twice (the
 * deliveries' unique key). Blocking, in order, on a worker thread.
 *
 * <p>What is acknowledged without effect, never crashing the channel: a malformed message (WARN), an envelope
 * version above 1 or a type no template knows (INFO; forward compatible). Never the payload in a log line. When the
 * database fails, the same event is tried again after a pause that doubles up to
 * {@code portal.notification.intake.max-backoff}, without acknowledging it: nothing is lost, and later events of the
 * partition wait behind it (their order kept).
 */
@ApplicationScoped
public class PetitionEventConsumer {

    static final String RESIDENCY = "residency-events";
    static final String PASSPORT = "passport-events";
    static final String LAND_REGISTRY = "land-registry-events";
    static final String EMERGENCY_REPORT = "emergency-report-events";
    private static final Logger LOG = Logger.getLogger(PetitionEventConsumer.class);

    @Inject
    EventParser parser;
    @Inject
    EventIntake intake;
    @Inject
    EventMetrics metrics;
    @Inject
    NotificationSettings settings;

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming(RESIDENCY)
    @Blocking
    public void residency(String payload) {
        handle(RESIDENCY, payload);
    }

    @Incoming(PASSPORT)
    @Blocking
    public void passport(String payload) {
        handle(PASSPORT, payload);
    }

    @Incoming(LAND_REGISTRY)
    @Blocking
    public void landRegistry(String payload) {
        handle(LAND_REGISTRY, payload);
    }

    @Incoming(EMERGENCY_REPORT)
    @Blocking
    public void emergencyReport(String payload) {
        handle(EMERGENCY_REPORT, payload);
    }

    /** One message of a channel; returns normally unless the service stops while the database is down. */
    void handle(String channel, String payload) {
        EventParser.Outcome outcome = parser.parse(payload);
        switch (outcome) {
            case EventParser.Malformed malformed -> {
                LOG.warnf("A message on %s is not an event envelope (%s); acknowledged and ignored", channel,
                        malformed.why());
                metrics.count(channel, "malformed");
            }
            case EventParser.Unsupported unsupported -> {
                LOG.infof("An event of type %s, version %d on %s is newer than this service reads; acknowledged",
                        unsupported.type(), unsupported.version(), channel);
                metrics.count(channel, "unsupported");
            }
            case EventParser.Accepted accepted -> take(channel, accepted.event());
        }
    }

    private void take(String channel, PetitionEvent event) {
        if (!intake.supports(event)) {
            LOG.infof("An event of type %s on %s has no notification; acknowledged", event.type(), channel);
            metrics.count(channel, "unsupported");
            return;
        }
        Duration pause = settings.intake().initialBackoff();
        while (true) {
            try {
                EventIntake.Result result = intake.take(event);
                boolean seen = result.nothing() && (!event.recipients().isEmpty() || event.callback().isPresent());
                metrics.count(channel, seen ? "duplicate" : "accepted");
                LOG.debugf("Event %s (%s): %d inbox, %d e-mail and %d text deliveries written", event.eventId(),
                        event.type(), result.inbox(), result.email(), result.text());
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    // not acknowledged: the next consumer of the partition gets it again
                    throw e;
                }
                LOG.warnf("Event %s could not be stored (%s); trying again in %s", event.eventId(),
                        e.getClass().getSimpleName(), pause);
                metrics.count(channel, "retried");
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(settings.intake().maxBackoff()) > 0
                        ? settings.intake().maxBackoff() : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to store an event again");
        }
    }
}
