package kr.civilportal.citizen.recordreads;

import java.time.temporal.Temporal;
import java.util.List;
import kr.civilportal.web.api.PortalService;

/**
 * One service's reads of the citizen's personal data by officials (열람 기록), newest first; or, while the service
 * does not answer, why none are shown.
 */
public record RecordReads(PortalService service, List<Entry> entries, boolean unavailable) {

    /** The id of this part's "unavailable" panel: its own, as two parts may show one at once. */
    public String panelId() {
        return "unavailable-reads-" + service.route();
    }

    /** One read: when, by whom, what was read or done (in the page's language), the reason given, where it led. */
    public record Entry(Temporal at, String official, String what, String reason, String detailPath) {
    }
}
