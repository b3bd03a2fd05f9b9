package kr.civilportal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's Kafka broker as the portal runs it: a JVM of its own on an isolated portal's ports (offset 12 500:
 * no system test's), storage formatted once, the portal's topics made idempotently, and a record acknowledged
 * before a kill -9 still there after the broker starts again on the same data, which then takes new records.
 */
class KafkaServerTest {

    static final int PORT_OFFSET = 12_500;
    static final Duration READY = Duration.ofMinutes(2);

    @TempDir
    Path work;

    private KafkaServer kafka;

    @AfterEach
    void stopBroker() {
        if (kafka != null) {
            kafka.kill();
        }
    }

    @Test
    void aRecordAcknowledgedBeforeAKillIsThereAfterTheBrokerStartsAgain() throws Exception {
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work).withNotifications();
        assertEquals(8191 + options.portOffset(), options.kafkaPort());

        kafka = start(options, true);
        kafka.awaitReady(READY);
        kafka.createTopics(KafkaServer.PORTAL_TOPICS);
        kafka.createTopics(KafkaServer.PORTAL_TOPICS); // again: nothing to do, no error
        try (Admin admin = kafka.admin(Duration.ofSeconds(30))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertTrue(topics.containsAll(KafkaServer.PORTAL_TOPICS), topics.toString());
            var residency = admin.describeTopics(List.of("residency.events")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("residency.events");
            assertEquals(3, residency.partitions().size());
            assertEquals(1, residency.partitions().get(0).replicas().size());
        }

        String key = "household-" + UUID.randomUUID();
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = producer()) {
            sent = producer.send(new ProducerRecord<>("residency.events", key, "{\"type\":\"MoveInApproved\"}"))
                    .get(30, TimeUnit.SECONDS);
        }
        assertEquals(List.of("{\"type\":\"MoveInApproved\"}"), read("residency.events", key));

        kafka.kill();
        assertFalse(kafka.isAlive());

        kafka = start(options, false);
        kafka.awaitReady(READY);
        kafka.createTopics(KafkaServer.PORTAL_TOPICS);
        assertEquals(List.of("{\"type\":\"MoveInApproved\"}"), read("residency.events", key),
                "the record at offset " + sent.offset() + " of partition " + sent.partition() + " survived the kill");

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("residency.events", key, "second")).get(30, TimeUnit.SECONDS);
        }
        assertEquals(List.of("{\"type\":\"MoveInApproved\"}", "second"), read("residency.events", key));
        // A graceful stop and start through the portal: PortalNotificationsTest.
    }

    private KafkaServer start(PortalOptions options, boolean clean) {
        return KafkaServer.start(options.kafkaData(), options.kafkaPort(), options.kafkaControllerPort(), clean,
                options.logDir(), options.runDir());
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Every value with this key in the topic, from the beginning (no consumer group). */
    private List<String> read(String topic, String key) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<String> values = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(30)) < end.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Could not read " + topic + " to its end within 60 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    if (key.equals(r.key())) {
                        values.add(r.value());
                    }
                }
            }
            return values;
        }
    }
}
