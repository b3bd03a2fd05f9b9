package kr.civilportal.gateway.fallback;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code portal.gateway.fallback.*}: the gateway's own 119 form, which works while citizen-web is down. */
@ConfigMapping(prefix = "portal.gateway.fallback")
public interface FallbackConfig {

    /** Where the fallback page's 119 form posts (the gateway's own path, taken before citizen-web's). */
    @WithDefault("/report-119/fallback")
    String reportPath();

    /** The form's largest body (2,000 Korean characters of text take about 18 KB URL-encoded). */
    @WithDefault("32K")
    MemorySize maxFormBody();

    /** Time for the form's body to arrive. */
    @WithDefault("10s")
    Duration formTimeout();

    /** citizen-web's page that follows a delivered report: the receipt's link is this, its id and its token. */
    @WithDefault("/report-119/receipts/")
    String receiptPage();
}
