package kr.civilportal.common.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How auditors search a service's read log ({@code portal.audit.*}); the defaults are the portal's policy. */
@ConfigMapping(prefix = "portal.audit")
public interface AuditSettings {

    /** The most entries one answer lists; a search that finds more says so and is narrowed by the auditor. */
    @WithDefault("200")
    int listed();

    /** The days searched when the auditor gives no start: the last month. */
    @WithDefault("31")
    int defaultSpanDays();

    /** The longest search: a year, so that one query never scans the whole two years the logs keep. */
    @WithDefault("366")
    int longestSpanDays();
}
