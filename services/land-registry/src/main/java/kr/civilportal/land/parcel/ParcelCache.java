package kr.civilportal.land.parcel;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import kr.civilportal.land.pnu.Pnu;

/**
 * The parcel cache of this replica (a Quarkus cache, {@value #NAME}) and how a change reaches the caches of
 * all replicas: the writer sends {@code NOTIFY parcel_changed, '<pnu>'} in the transaction that changes the
 * parcel. PostgreSQL delivers it, on commit and only then, to every session listening on the channel: each
 * replica's {@link ParcelChangeListener}, which drops its entry. The writer's own replica also drops it right
 * after the commit, so the officer who made the change reads it back at once.
 */
@ApplicationScoped
public class ParcelCache {

    public static final String NAME = "parcels";
    /** The PostgreSQL notification channel; the payload is the PNU. */
    public static final String CHANNEL = "parcel_changed";
    private static final Duration INVALIDATION_TIMEOUT = Duration.ofSeconds(5);

    private final Cache cache;
    private final EntityManager em;

    ParcelCache(@CacheName(NAME) Cache cache, EntityManager em) {
        this.cache = cache;
        this.em = em;
    }

    /** Tells every replica that a parcel changed; call inside the changing transaction (sent on commit). */
    public void announceChange(Pnu pnu) {
        em.createNativeQuery("SELECT pg_notify(?1, ?2)").setParameter(1, CHANNEL).setParameter(2, pnu.value())
                .getSingleResult();
    }

    /** Drops this replica's copy of a parcel. */
    public void invalidateHere(Pnu pnu) {
        cache.invalidate(pnu.value()).await().atMost(INVALIDATION_TIMEOUT);
    }

    /** Drops every parcel this replica holds, e.g. after notifications may have been missed. */
    public void invalidateAllHere() {
        cache.invalidateAll().await().atMost(INVALIDATION_TIMEOUT);
    }
}
