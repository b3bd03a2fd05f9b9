package kr.civilportal.land;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * The land-registry service's own settings ({@code portal.land.*}). Their values, with the %dev/%test/%prod
 * differences, are in application.properties only; this interface gives them types and says what each is for.
 * The extracts' settings are read where extracts are made and signed; they are declared here so that every
 * setting of the service has a type and a misspelt one stops the start. Retried writes are configured by
 * portal-common's {@code portal.idempotency.*}.
 */
@ConfigMapping(prefix = "portal.land")
public interface LandRegistrySettings {

    /**
     * Whether the demo register (a few legal dongs with parcels, prices and owners) is loaded at start (off in
     * prod; on in dev and test, where the tests read it).
     */
    boolean demoData();

    /**
     * Whether the large synthetic register (110,000 parcels) is loaded at start, for benchmarks and load tests;
     * off by default because it adds seconds to the first start.
     */
    boolean largeSeed();

    /** Parcel reads and their cache. */
    Parcel parcel();

    /** Extracts (토지대장 등본) and their public verification (진위확인). */
    Extract extract();

    interface Parcel {

        /**
         * Cache-Control of parcel reads ({@code private, no-cache}): clients may keep a parcel but must
         * revalidate before each use (a cheap 304 with its ETag), because an owner change must show at once, and
         * owner names make it private to the caller.
         */
        String cacheControl();

        /** The session that listens for parcel changes of other replicas. */
        ChangeListener changeListener();
    }

    interface ChangeListener {

        /**
         * The pause before the listener reconnects after its session broke (1 s): a database outage is not
         * hammered, and a replica serves from an empty cache, not a stale one, meanwhile. While it lasts the
         * replica is not ready.
         */
        Duration reconnectBackoff();
    }

    interface Extract {

        /** The issuing office named on every extract. */
        String issuer();

        /**
         * The public verification page the QR code on an extract opens, followed by the issuance number; per
         * environment, because it names the portal's public address.
         */
        String verificationUrl();

        /** How many of a citizen's extracts their list shows, newest first (50: a list, not an archive). */
        int listed();
    }
}
