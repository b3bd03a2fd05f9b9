package kr.civilportal.common.roster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The official roster ({@code portal.roster.*}): on in the services whose officers assign cases to each other. */
@ConfigMapping(prefix = "portal.roster")
public interface RosterSettings {

    /** Whether this service keeps a roster (a build-time switch: only services with the table set it). */
    @WithDefault("false")
    boolean enabled();

    /**
     * An official not seen for this long is no longer offered as an assignee: about a month, so that a colleague
     * back from leave can be given work, while one who left the office drops out.
     */
    @WithDefault("P30D")
    Duration activeWithin();

    /** How often a replica rewrites an unchanged entry (last seen): at most one write per officer per hour. */
    @WithDefault("PT1H")
    Duration refreshAfter();

    /** How often each replica deletes the entries past {@link #activeWithin()} ({@code RosterPurge}). */
    @WithDefault("24h")
    String purgeEvery();
}
