package kr.civilportal.launcher.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a site-loss drill measured, per service (119 first), and how it stands against the objectives.
 *
 * @param services        one line per service the citizens used
 * @param held     119 reports the gateway's journal took (202) while emergency-report was not back; each counts as
 *                 acknowledged, and as lost unless the second site's gateway delivered it
 */
public record SiteLossReport(List<ServiceRecovery> services, long held) {

    /**
     * One service's recovery.
     *
     * @param service       the app's id
     * @param recovered     whether it answered a citizen again before the drill stopped waiting
     * @param rto           from the promotion's start until the first 2xx answer (until the drill stopped waiting
     *                      if it never did)
     * @param acknowledged  writes acknowledged (2xx) before and after the loss; -1 for a service only read
     * @param lost          acknowledged writes missing on the second site
     * @param oldestLostAge how long before the loss the oldest missing write was acknowledged (zero if none lost)
     */
    public record ServiceRecovery(String service, boolean recovered, Duration rto, int acknowledged, int lost, Duration oldestLostAge) {

        boolean writes() {
            return acknowledged >= 0;
        }
    }

    /** The table the drill prints (the same in the CLI, the system test's log and docs/operations.md). */
    public List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add("service            RTO (s)   acknowledged   lost   oldest lost (s before the loss)");
        for (ServiceRecovery s : services) {
            lines.add(String.format(Locale.ROOT, "%-18s %7s   %12s   %4s   %s", s.service(),
                    s.recovered() ? String.format(Locale.ROOT, "%.1f", s.rto().toMillis() / 1000.0) : "not back", s.writes() ? s.acknowledged() : "(reads)",
                    s.writes() ? s.lost() : "-", s.lost() > 0 ? String.format(Locale.ROOT, "%.1f",
                            s.oldestLostAge().toMillis() / 1000.0) : "-"));
        }
        lines.add("119 reports held by the gateway's journal while emergency-report was away (counted lost unless"
                + " delivered): " + held);
        return lines;
    }

    /** Every objective missed, in words; empty when the drill met them all. */
    public List<String> missedObjectives(RecoveryObjectives objectives) {
        List<String> missed = new ArrayList<>();
        for (ServiceRecovery s : services) {
            if (s.service().equals(RecoveryObjectives.EMERGENCY_REPORT)) {
                if (s.lost() > 0) {
                    missed.add(s.lost() + " acknowledged 119 reports lost");
                }
                if (s.recovered() && s.rto().compareTo(objectives.reportsRto()) > 0) {
                    missed.add(String.format(Locale.ROOT, "119 accepted reports again after %.1f s, over %d s",
                            s.rto().toMillis() / 1000.0, objectives.reportsRto().toSeconds()));
                }
            }
            if (!s.recovered()) {
                missed.add(String.format(Locale.ROOT, "%s did not answer again within %.1f s", s.service(),
                        s.rto().toMillis() / 1000.0));
            } else if (s.rto().compareTo(objectives.serviceRto()) > 0) {
                missed.add(String.format(Locale.ROOT, "%s answered again after %.1f s, over %d s", s.service(),
                        s.rto().toMillis() / 1000.0, objectives.serviceRto().toSeconds()));
            }
            if (s.oldestLostAge().compareTo(objectives.rpo()) > 0) {
                missed.add(String.format(Locale.ROOT, "%s lost a write acknowledged %.1f s before the loss, over the"
                        + " %d s RPO", s.service(), s.oldestLostAge().toMillis() / 1000.0, objectives.rpo().toSeconds()));
            }
        }
        return missed;
    }
}
