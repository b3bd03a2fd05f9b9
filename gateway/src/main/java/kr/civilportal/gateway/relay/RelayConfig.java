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

    interface Encryption {
        String activeKeyId();

        /** {@code id:base64,id:base64}, 32-byte keys. */
        String keys();
    }
}
