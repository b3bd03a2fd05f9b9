package kr.civilportal.admin.audit;

import java.util.List;
import kr.civilportal.common.audit.RecordRead;
import kr.civilportal.web.api.PortalService;

/**
 * One service's answer to the auditor's search: the reads found (newest first) and whether there were more than
 * listed; or, while the service does not answer, its "unavailable" panel; or the reason it refused.
 */
public record ReadLogPart(PortalService service, List<Entry> entries, boolean truncated, boolean unavailable,
        String refusal) {

    /** One read as listed, with what the official did in the page's words (the log's own name if unknown). */
    public record Entry(RecordRead read, ReadAction action) {
        static Entry of(RecordRead read) {
            return new Entry(read, ReadAction.of(read.action()));
        }
    }

    static ReadLogPart found(PortalService service, List<RecordRead> reads, boolean truncated) {
        return new ReadLogPart(service, reads.stream().map(Entry::of).toList(), truncated, false, null);
    }

    static ReadLogPart refused(PortalService service, String why) {
        return new ReadLogPart(service, List.of(), false, false, why);
    }

    static ReadLogPart unavailable(PortalService service) {
        return new ReadLogPart(service, List.of(), false, true, null);
    }

    /** The id of this part's "unavailable" panel: its own, as two parts may show one at once. */
    public String panelId() {
        return "unavailable-audit-" + service.route();
    }
}
