package kr.civilportal.common.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The relay's Kafka producer: the plain client rather than a Reactive Messaging channel, because the relay must
 * know which events the broker acknowledged before it marks them published, and because a broker away must not
 * take the service out of readiness (petitions are taken while Kafka is down; their events wait in the outbox).
 *
 * <p>Idempotent and {@code acks=all}: a retry inside the client neither doubles nor reorders a partition's records.
 * Every wait is bounded by {@code timeout}, so a broker away costs a round that long, not the client's minute.
 */
public final class KafkaEventPublisher implements EventPublisher {

    private static final String EVENT_ID_HEADER = "event-id";
    private static final String EVENT_TYPE_HEADER = "event-type";

    private final KafkaProducer<String, byte[]> producer;
    private final Duration timeout;

    public KafkaEventPublisher(String bootstrapServers, String clientId, Duration timeout) {
        this.timeout = timeout;
        int millis = (int) timeout.toMillis();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis / 2);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // While the broker is away the client retries its connection; at its default (1 s) it would log a warning a
        // second. The relay says once that the broker is away and once that it is back.
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public Outcome publish(List<PendingEvent> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        try {
            for (PendingEvent e : events) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(e.topic(), e.key(), e.payload());
                record.headers().add(EVENT_ID_HEADER, e.eventId().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add(EVENT_TYPE_HEADER, e.type().getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
        } catch (RuntimeException e) {
            // send() itself fails when the topic's metadata does not come within max.block.ms (broker away).
            return settled(sent, describe(e));
        }
        return settled(sent, null);
    }

    /** Waits for what was sent, in order; the first failure ends the acknowledged prefix. */
    private Outcome settled(List<Future<RecordMetadata>> sent, String sendFailure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                return new Outcome(i, describe(e.getCause()));
            } catch (TimeoutException e) {
                return new Outcome(i, "no acknowledgement within " + timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(i, "interrupted");
            }
        }
        return sendFailure == null ? Outcome.all(sent.size()) : new Outcome(sent.size(), sendFailure);
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    @Override
    public void close() {
        producer.close(Duration.ZERO);
    }
}
