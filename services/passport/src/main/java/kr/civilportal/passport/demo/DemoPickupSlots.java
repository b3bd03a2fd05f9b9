package kr.civilportal.passport.demo;

import kr.civilportal.common.time.KoreanTime;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import kr.civilportal.passport.PassportSettings;
import org.jboss.logging.Logger;

/**
 * Two passport offices (여권민원실) and their pickup slots for the next days, so citizens can book. Slots are
 * added at every start for the days ahead (the unique office-and-time key makes it idempotent). Only with
 * {@code portal.passport.demo-data=true}.
 */
@ApplicationScoped
public class DemoPickupSlots {

    public static final String JONGNO = "SEOUL-JONGNO";
    public static final String BUSAN = "BUSAN-CITY";
    static final int DAYS_AHEAD = 7;
    static final int CAPACITY = 10;
    /** Counter hours, Korean time. */
    static final List<LocalTime> TIMES = List.of(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(11, 0),
            LocalTime.of(14, 0), LocalTime.of(15, 0), LocalTime.of(16, 0));
    /** Serialises seeding across replicas (differs from DemoApplications' key). */
    private static final long SEED_LOCK = 0x0B7E1D0A4L;
    private static final Logger LOG = Logger.getLogger(DemoPickupSlots.class);

    private final EntityManager em;
    private final boolean enabled;

    DemoPickupSlots(EntityManager em, PassportSettings settings) {
        this.em = em;
        this.enabled = settings.demoData();
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            seed();
        }
    }

    @Transactional
    void seed() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + SEED_LOCK + ")").getSingleResult();
        em.createNativeQuery("""
                INSERT INTO pickup_office (id, name, address) VALUES
                  ('SEOUL-JONGNO', '종로구청 여권민원실 (Jongno-gu Office passport desk)', '서울특별시 종로구 삼봉로 43'),
                  ('BUSAN-CITY', '부산광역시청 여권민원실 (Busan City Hall passport desk)', '부산광역시 연제구 중앙대로 1001')
                ON CONFLICT (id) DO NOTHING""").executeUpdate();
        LocalDate today = LocalDate.now(KoreanTime.ZONE);
        int added = 0;
        for (String office : List.of(JONGNO, BUSAN)) {
            for (int day = 1; day <= DAYS_AHEAD; day++) {
                for (LocalTime time : TIMES) {
                    OffsetDateTime startsAt = today.plusDays(day).atTime(time).atZone(KoreanTime.ZONE).toOffsetDateTime()
                            .withOffsetSameInstant(ZoneOffset.UTC);
                    added += em.createNativeQuery("""
                            INSERT INTO pickup_slot (id, office_id, starts_at, capacity, booked)
                            VALUES (?1, ?2, ?3, ?4, 0) ON CONFLICT (office_id, starts_at) DO NOTHING""")
                            .setParameter(1, UUID.randomUUID()).setParameter(2, office).setParameter(3, startsAt)
                            .setParameter(4, CAPACITY).executeUpdate();
                }
            }
        }
        if (added > 0) {
            LOG.infof("Demo data: added %d pickup slots", added);
        }
    }
}
