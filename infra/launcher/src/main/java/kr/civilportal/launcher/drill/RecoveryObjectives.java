package kr.civilportal.launcher.drill;

import java.time.Duration;

/**
 * What a site loss may cost, as {@code docs/operations.md} promises it and the site-loss issue asks the drill to
 * hold: 119 answers again first and loses nothing acknowledged; the other services answer within the RTO and lose
 * at most the last RPO's worth of acknowledged writes (their databases replicate asynchronously).
 *
 * @param reportsRto  from the promotion's start until 119 reports are accepted again
 * @param serviceRto  from the promotion's start until every service answers citizens again (on this machine)
 * @param rpo         how long before the loss an acknowledged write of an asynchronous database may still be missing
 */
public record RecoveryObjectives(Duration reportsRto, Duration serviceRto, Duration rpo) {

    /** The service whose acknowledged writes may never be lost: 119 reports (synchronous at the second site). */
    public static final String EMERGENCY_REPORT = "emergency-report";

    public static final RecoveryObjectives LOCAL_DRILL =
            new RecoveryObjectives(Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(2));
}
