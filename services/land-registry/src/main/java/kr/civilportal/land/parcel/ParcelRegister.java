package kr.civilportal.land.parcel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.land.pnu.Pnu;

/**
 * Reads parcels of the land register (토지대장) through this replica's cache. An entry is dropped when its
 * parcel changes, on every replica ({@link ParcelCache}); a parcel that is not found is not cached.
 */
@ApplicationScoped
public class ParcelRegister {

    private final ParcelLoader loader;
    private final ObjectMapper json;

    ParcelRegister(ParcelLoader loader, ObjectMapper json) {
        this.loader = loader;
        this.json = json;
    }

    /**
     * The parcel in both views (officers', everyone else's), with their entity tags. Keyed by the PNU's
     * digits, which is what {@link ParcelCache} invalidates; callers pass a parsed {@link Pnu}'s value.
     */
    @CacheResult(cacheName = ParcelCache.NAME)
    public CachedParcel parcel(String pnu) {
        return CachedParcel.of(loader.load(Pnu.parse(pnu)), json);
    }

    public static ProblemException noParcel() {
        return ProblemException.notFound("No parcel with this number is on the land register.",
                "해당 필지고유번호의 토지가 토지대장에 없습니다.");
    }
}
