package kr.civilportal.emergency.dispatch;

import kr.civilportal.emergency.report.ReportView;

/**
 * A change the dispatch board shows live: {@code new} for a report just received, {@code updated} for a step
 * taken on one, with the report as a dispatcher sees it once the change committed.
 */
public record BoardEvent(String name, ReportView report) {

    public static final String NEW = "new";
    public static final String UPDATED = "updated";
}
