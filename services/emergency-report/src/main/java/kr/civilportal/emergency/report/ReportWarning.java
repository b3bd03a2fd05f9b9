package kr.civilportal.emergency.report;

/**
 * Something left out of an accepted report, or not done as asked, told to the reporter instead of refusing
 * the report: a bad attachment, a missing Idempotency-Key. {@code field} names the part, e.g. {@code attachments[1]}.
 */
public record ReportWarning(String field, String code, String detail, String detailKo) {

    public static ReportWarning attachment(String field, String code, String detail, String detailKo) {
        return new ReportWarning(field, code, detail, detailKo);
    }
}
