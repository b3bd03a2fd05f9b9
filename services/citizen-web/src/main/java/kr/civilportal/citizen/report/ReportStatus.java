package kr.civilportal.citizen.report;

/** Where a 119 report stands, as its receipt shows it. */
public enum ReportStatus {
    RECEIVED,
    ACKNOWLEDGED,
    DISPATCHED,
    CLOSED
}
