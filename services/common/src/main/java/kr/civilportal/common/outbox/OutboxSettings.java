package kr.civilportal.common.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** A service's outbox ({@code portal.outbox.*}). The broker's address is Kafka's usual {@code kafka.bootstrap.servers}. */
@ConfigMapping(prefix = "portal.outbox")
public interface OutboxSettings {

    /**
     * Whether this service writes events at all: only services with the {@code outbox_event} table (a build-time
     * switch, read by {@link OutboxWiring} and {@link OutboxRelayJob}).
     */
    @WithDefault("false")
    boolean enabled();

    /** The service's topic, e.g. {@code residency.events}. */
    Optional<String> topic();

    /** Events read and published per round (a round loops while it finds full batches). */
    @WithDefault("200")
    int batchSize();

    /** The longest a round waits for the broker, to connect and to acknowledge. */
    @WithDefault("PT10S")
    Duration publishTimeout();

    /** After a failed round the relay waits twice as long each time, up to this, before it tries again. */
    @WithDefault("PT30S")
    Duration longestBackoff();

    /** Published events are kept this long (to look into what was sent), then purged. */
    @WithDefault("P7D")
    Duration keepPublished();
}
