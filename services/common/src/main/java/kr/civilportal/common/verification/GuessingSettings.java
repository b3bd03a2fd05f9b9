package kr.civilportal.common.verification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How many wrong issuance numbers a client may present ({@code portal.verification.*}), in every service that
 * verifies documents. The defaults are the portal's policy; a service sets only what differs for it.
 */
@ConfigMapping(prefix = "portal.verification")
public interface GuessingSettings {

    /** Misses a client address may make at once (10: enough for typing slips, hopeless for walking numbers). */
    @WithDefault("10")
    long missesAllowed();

    /** The time in which a spent allowance refills completely (a minute). */
    @WithDefault("PT1M")
    Duration missesPeriod();

    /**
     * Client addresses tracked at once (100,000): idle ones expire after two periods; beyond this the least recent
     * are forgotten, so a flood of addresses cannot exhaust memory.
     */
    @WithDefault("100000")
    long trackedClients();
}
