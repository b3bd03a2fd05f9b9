package kr.civilportal.common.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How an app behaves while the identity provider (Keycloak) cannot be reached. */
@ConfigMapping(prefix = "portal.identity")
public interface IdentityProviderConfig {

    /** The Retry-After of a 503 for a request whose token could not be checked: Keycloak restarts in about this. */
    @WithDefault("30S")
    Duration retryAfter();

    /** At most one log line per this interval while it lasts, with the count: not a stack trace per request. */
    @WithDefault("1M")
    Duration outageLogInterval();
}
