package kr.civilportal.emergency.report;

import java.util.List;

/** One page of reports, newest first; {@code page} counts from 0, {@code total} counts every match. */
public record ReportPage(List<ReportView> items, int page, int size, long total) {
}
