package kr.civilportal.gateway.admission;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * {@code portal.gateway.shared-store.*}: the store every gateway replica shares its waiting rooms and rate-limit
 * counts through (the gateway's own PostgreSQL, datasource {@code admission}).
 */
@ConfigMapping(prefix = "portal.gateway.shared-store")
public interface SharedStoreConfig {

    /** Off: every replica queues and counts alone (each with a route's full capacity and rate), as before. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Longest one store statement may take; a store slower than that counts as down (this replica goes on alone
     * until a statement succeeds again).
     */
    @WithDefault("2s")
    Duration statementTimeout();
}
