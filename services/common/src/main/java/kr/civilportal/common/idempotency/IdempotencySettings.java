package kr.civilportal.common.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How a service keeps its Idempotency-Key records ({@code portal.idempotency.*}). The defaults are the portal's
 * policy (the IETF httpapi draft's day, plus an hour of slack); a service sets only what differs for it.
 */
@ConfigMapping(prefix = "portal.idempotency")
public interface IdempotencySettings {

    /**
     * Whether this service keeps keys at all: the store and its purge exist only in services with the
     * {@code idempotency_key} table (a build-time switch, read by {@link IdempotencyWiring} and
     * {@link IdempotencyPurge}).
     */
    @WithDefault("false")
    boolean enabled();

    /** How long a key's answer is kept; the store refuses less than 24 hours. */
    @WithDefault("PT25H")
    Duration retention();

    /** The longest a repeat waits for the first request with its key before the store gives up. */
    @WithDefault("PT10S")
    Duration maxWait();

    Purge purge();

    /** The background deletion of expired keys, in batches, on every replica. */
    interface Purge {

        @WithDefault("1h")
        String every();

        /** After start-up, so that a rolling deployment's new replicas do not all purge at once. */
        @WithDefault("5m")
        String delayed();

        /** Rows per DELETE: short transactions that skip rows another replica is deleting. */
        @WithDefault("1000")
        int batch();
    }
}
