package kr.civilportal.emergency.dispatch;

import java.time.Instant;

/** One step of a report's history as the dispatcher sees it. */
public record EventView(EventKind kind, Instant at, String actor, String detail) {

    static EventView of(ReportEvent e) {
        return new EventView(e.kind, e.at, e.actor, e.detail);
    }
}
