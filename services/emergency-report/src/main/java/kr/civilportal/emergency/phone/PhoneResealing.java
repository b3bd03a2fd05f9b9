package kr.civilportal.emergency.phone;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import kr.civilportal.common.crypto.ResealProgress;
import kr.civilportal.emergency.EmergencyReportSettings;
import org.jboss.logging.Logger;

/**
 * After a key rotation, re-seals reporters' phone numbers still under an older key, a batch per transaction.
 * Safe on every replica at once: each batch locks its rows with {@code FOR UPDATE SKIP LOCKED}, so two replicas
 * take different rows and a row being written by a dispatcher is left for the next round.
 */
@ApplicationScoped
public class PhoneResealing {

    static final String PURPOSE = "emergency-report/reporter-phone";
    private static final Logger LOG = Logger.getLogger(PhoneResealing.class);

    private final EntityManager em;
    private final PhoneCipher cipher;
    private final String activeKeyId;
    private final int batchSize;
    private final ResealProgress progress;

    PhoneResealing(EntityManager em, PhoneCipher cipher, MeterRegistry registry, EmergencyReportSettings settings) {
        this.em = em;
        this.cipher = cipher;
        this.activeKeyId = cipher.activeKeyId();
        this.batchSize = settings.phone().reseal().batchSize();
        this.progress = new ResealProgress(registry, PURPOSE);
    }

    @Scheduled(every = "${portal.emergency.phone.reseal.every}", delayed = "${portal.emergency.phone.reseal.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int total = resealAll();
        if (total > 0) {
            LOG.infof("Re-sealed %d reporter phone numbers under key %s", total, activeKeyId);
        }
    }

    /** Re-seals batch after batch until no row under an older key is left unlocked; returns how many. */
    public int resealAll() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::resealBatch);
            total += batch;
        } while (batch == batchSize);
        progress.remaining(QuarkusTransaction.requiringNew().call(this::countRemaining));
        return total;
    }

    private int resealBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, reporter_phone_key_id, reporter_phone_ciphertext FROM emergency_report
                WHERE reporter_phone_key_id IS NOT NULL AND reporter_phone_key_id <> :active
                ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED""")
                .setParameter("active", activeKeyId).setParameter("batch", batchSize).getResultList();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            PhoneNumber phone = cipher.decrypt((String) row[1], (byte[]) row[2], id.toString());
            PhoneCipher.EncryptedPhone sealed = cipher.encrypt(phone, id.toString());
            em.createNativeQuery("""
                    UPDATE emergency_report SET reporter_phone_key_id = :keyId, reporter_phone_ciphertext = :sealed
                    WHERE id = :id""")
                    .setParameter("keyId", sealed.keyId()).setParameter("sealed", sealed.ciphertext())
                    .setParameter("id", id).executeUpdate();
        }
        progress.resealed(rows.size());
        return rows.size();
    }

    private long countRemaining() {
        return ((Number) em.createNativeQuery("""
                SELECT count(*) FROM emergency_report
                WHERE reporter_phone_key_id IS NOT NULL AND reporter_phone_key_id <> :active""")
                .setParameter("active", activeKeyId).getSingleResult()).longValue();
    }
}
