package kr.civilportal.land;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    /**
     * The offices owner-change requests are routed to (관할 기관: a 시·군·구청's 지적 부서), by id: the ids the realm's
     * user attribute {@code office} gives officials. A deployment lists its own; a parcel in a 시·군·구 no office
     * lists goes to every land officer, so that no request waits without an office to decide it.
     */
    Map<String, Office> offices();

    /** Citizens' owner-change requests (소유자 변동 신청) and the officers' queue of them. */
    OwnerChangeRequests ownerChangeRequests();

    interface Office {

        /** The office's name, as officers and citizens read it (e.g. 종로구청). */
        String name();

        /** The 시·군·구 it covers, by their five-digit codes (the first five digits of a PNU: 11110 종로구). */
        List<String> regions();
    }

    interface OwnerChangeRequests {

        /**
         * The processing period (민원 처리기간) in working days, the day of receipt counted, Saturdays and public
         * holidays (portal-common's {@code portal.public-holidays}) not. Counted in days, so six or more. To be
         * confirmed against the current 민원사무 편람 before production.
         */
        int processingDays();

        /** How many of a citizen's own requests their list shows, newest first. */
        int listed();
    }

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
