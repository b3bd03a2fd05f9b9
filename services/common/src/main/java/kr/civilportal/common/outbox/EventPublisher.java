package kr.civilportal.common.outbox;

import java.util.List;
import java.util.UUID;

/** Where the relay publishes: Kafka in the services ({@link KafkaEventPublisher}), a list in unit tests. */
public interface EventPublisher extends AutoCloseable {

    /** An event read back from the outbox, ready to publish. */
    record PendingEvent(long position, UUID eventId, String topic, String key, String type, byte[] payload) {

        @Override
        public String toString() {
            return "PendingEvent[" + position + " " + type + " " + eventId + "]";
        }
    }

    /**
     * How a batch went: the first {@code acknowledged} events were acknowledged by the broker; the one after them
     * (if any) failed with {@code failure}, and everything after it is to be sent again.
     */
    record Outcome(int acknowledged, String failure) {

        public static Outcome all(int count) {
            return new Outcome(count, null);
        }

        public boolean failed() {
            return failure != null;
        }
    }

    /** Publishes the events in the order given and waits for the broker's acknowledgements. */
    Outcome publish(List<PendingEvent> events);

    @Override
    void close();
}
