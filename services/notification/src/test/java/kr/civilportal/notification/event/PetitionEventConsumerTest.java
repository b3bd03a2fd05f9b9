package kr.civilportal.notification.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.civilportal.notification.Events;
import kr.civilportal.notification.NotificationSettings;
import kr.civilportal.notification.template.NotificationTemplates;
import org.junit.jupiter.api.Test;

/** The consumer without Quarkus: what it acknowledges, and that a failing store is tried again, never skipped. */
class PetitionEventConsumerTest {

    /** Fails the first {@code failures} times, like a database that is away for a moment. */
    static final class FlakyIntake extends EventIntake {
        int failures;
        final List<UUID> taken = new ArrayList<>();

        FlakyIntake(int failures) {
            this.failures = failures;
            this.templates = new NotificationTemplates();
        }

        @Override
        public Result take(PetitionEvent event) {
            if (failures-- > 0) {
                throw new IllegalStateException("connection refused");
            }
            taken.add(event.eventId());
            return new Result(event.recipients().size(), 0);
        }
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private PetitionEventConsumer consumer(EventIntake intake) {
        PetitionEventConsumer consumer = new PetitionEventConsumer();
        consumer.parser = new EventParser(new ObjectMapper());
        consumer.intake = intake;
        consumer.metrics = new EventMetrics();
        consumer.metrics.registry = registry;
        consumer.settings = settings();
        return consumer;
    }

    private double count(String outcome) {
        var c = registry.find("notification.events").tags("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aFailingStoreIsTriedAgainUntilItWorks() {
        FlakyIntake intake = new FlakyIntake(3);
        UUID event = UUID.randomUUID();
        consumer(intake).handle("residency-events", Events.received(event, UUID.randomUUID(),
                UUID.randomUUID().toString()));
        assertEquals(List.of(event), intake.taken);
        assertEquals(3, count("retried"));
        assertEquals(1, count("accepted"));
    }

    @Test
    void nothingUnreadableStopsTheConsumer() {
        FlakyIntake intake = new FlakyIntake(0);
        PetitionEventConsumer consumer = consumer(intake);
        consumer.handle("residency-events", null);
        consumer.handle("residency-events", "\u0000garbage");
        consumer.handle("residency-events", Events.envelope(UUID.randomUUID(), "residency.move-in.unknown",
                UUID.randomUUID(), List.of(UUID.randomUUID().toString()), "{}"));
        assertEquals(List.of(), intake.taken);
        assertEquals(2, count("malformed"));
        assertEquals(1, count("unsupported"));
    }

    private static NotificationSettings settings() {
        return new NotificationSettings() {
            @Override
            public Email email() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Cipher cipher() {
                return new Cipher() {
                    @Override
                    public Optional<String> activeKeyId() {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<String> keys() {
                        return Optional.empty();
                    }
                };
            }

            @Override
            public Text text() {
                throw new UnsupportedOperationException();
            }

            @Override
            public CallbackSeal callbackSeal() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Intake intake() {
                return new Intake() {
                    @Override
                    public Duration initialBackoff() {
                        return Duration.ofMillis(5);
                    }

                    @Override
                    public Duration maxBackoff() {
                        return Duration.ofMillis(20);
                    }
                };
            }
        };
    }
}
