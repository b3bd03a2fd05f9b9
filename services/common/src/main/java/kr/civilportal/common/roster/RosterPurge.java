package kr.civilportal.common.roster;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Forgets the officials the roster no longer offers (not seen for {@code portal.roster.active-within}), daily on
 * every replica: a delete of the same lapsed rows by two replicas at once harms nothing.
 */
@ApplicationScoped
@IfBuildProperty(name = "portal.roster.enabled", stringValue = "true")
public class RosterPurge {

    private static final Logger LOG = Logger.getLogger(RosterPurge.class);

    private final OfficialRoster roster;

    RosterPurge(OfficialRoster roster) {
        this.roster = roster;
    }

    // The fallbacks repeat RosterSettings' defaults: @Scheduled resolves configuration expressions, it cannot read
    // the mapping, and a service without these properties must still purge.
    @Scheduled(every = "${portal.roster.purge-every:24h}", delayed = "${portal.roster.purge-delayed:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int forgotten = roster.forgetInactive();
        if (forgotten > 0) {
            LOG.infof("Forgot %d officials not seen lately (official roster)", forgotten);
        }
    }
}
