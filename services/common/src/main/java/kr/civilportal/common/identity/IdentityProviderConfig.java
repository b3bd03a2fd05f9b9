package kr.civilportal.common.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How an app behaves while the identity provider (Keycloak) cannot be reached. */
@ConfigMapping(prefix = "portal.identity")
public interface IdentityProviderConfig {

    /** The Retry-After of a 503 for a request whose token could not be checked: Keycloak restarts in about this. */
    @WithDefault("30S")
    Duration retryAfter();

    /** At most one log line per this interval while it lasts, with the count: not a stack trace per request. */
    @WithDefault("1M")
    Duration outageLogInterval();

    /** The realm's signing keys kept where the app can read them at start (see {@link RealmKeys}). */
    RealmKeysConfig realmKeys();

    interface RealmKeysConfig {

        /**
         * The kept JWK Set. Empty: none kept, and an app started while Keycloak is away answers signed-in requests
         * 503 until it is back. The launcher gives every app one file; Kubernetes mounts a ConfigMap.
         */
        Optional<Path> file();

        /** Whether this app writes the file when the keys it fetched differ: not where the file is a ConfigMap. */
        @WithDefault("true")
        boolean write();

        /** How often the keys are fetched while Keycloak answers: rotations reach the file within this. */
        @WithDefault("5M")
        Duration refreshInterval();

        /** How often Keycloak is tried again while it does not answer. */
        @WithDefault("15S")
        Duration retryInterval();

        /**
         * A token signed by a key not kept, while Keycloak seemed away, has Keycloak asked again at once (it may be
         * back with new keys), but not more often than this, so that made-up key ids cannot flood it.
         */
        @WithDefault("2S")
        Duration recheckInterval();

        /** How long one fetch from Keycloak may take; a hung Keycloak must not hold requests longer. */
        @WithDefault("3S")
        Duration fetchTimeout();
    }
}
