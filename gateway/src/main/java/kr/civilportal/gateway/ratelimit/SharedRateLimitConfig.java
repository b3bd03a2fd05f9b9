package kr.civilportal.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * {@code portal.gateway.rate-limit.shared.*}: how the replicas tell each other what they let through (sharing itself
 * is switched with {@code portal.gateway.shared-store.enabled}).
 */
@ConfigMapping(prefix = "portal.gateway.rate-limit.shared")
public interface SharedRateLimitConfig {

    /**
     * How often each replica writes what it let through and reads what the others did. A client's total over all
     * replicas exceeds its limit by at most what it got through the other replicas within two of these (see the
     * README): shorter is tighter, at one write and one read per interval and replica.
     */
    @WithDefault("200ms")
    Duration syncInterval();

    /**
     * Each read looks this far behind the previous one, so a row written just before the previous read but
     * committed just after it is not missed (rows already read are skipped by id). Rows are kept three times
     * this long.
     */
    @WithDefault("2s")
    Duration overlap();
}
