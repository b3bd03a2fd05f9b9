package kr.civilportal.gateway.relay;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code portal.gateway.relay.*}: 119 store-and-forward. */
@ConfigMapping(prefix = "portal.gateway.relay")
public interface RelayConfig {

    /** The path of a new 119 report (POST); the only request the gateway ever holds. */
    String reportPath();

    /** The Stork service that takes reports. */
    String service();

    /** Bodies up to this size are read whole before the first attempt, so they can be held if it fails. */
    MemorySize maxHeldBody();

    /** How long one attempt waits for the service between bytes. */
    Duration attemptTimeout();

    /** How often the forwarder looks for held reports. */
    Duration forwardInterval();

    Duration backoffInitial();

    Duration backoffMax();

    /** At most this many reports per forwarder run (the rest wait for the next one). */
    int batchSize();

    /** Off in tests, which run the forwarder themselves. */
    @WithDefault("true")
    boolean forwardingEnabled();

    Encryption encryption();

    /** What dispatch supervisors may do with held reports ({@link HeldReportsResource}). */
    Supervision supervision();

    interface Supervision {
        /** At most this many reports in one list; {@code truncated} says there were more. */
        int listed();

        /** The longest reason for reading a report's content (열람 사유). */
        int reasonMax();

        /** The longest note on a step (what was done, why it was sent again). */
        int noteMax();
    }

    interface Encryption {
        String activeKeyId();

        /** {@code id:base64,id:base64}, 32-byte keys. */
        String keys();
    }
}
