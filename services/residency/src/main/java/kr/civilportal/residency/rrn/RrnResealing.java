package kr.civilportal.residency.rrn;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import kr.civilportal.common.crypto.AtRestCipher;
import kr.civilportal.common.crypto.ResealProgress;
import kr.civilportal.common.crypto.Resealing;
import kr.civilportal.residency.ResidencySettings;
import org.jboss.logging.Logger;

/**
 * After a key rotation, re-seals resident registration numbers (주민등록번호) still under an older key (common
 * {@link Resealing}: a batch per transaction, safe on every replica at once). Once {@code portal.at_rest.remaining}
 * for this purpose reads 0 on the dashboards, the old key can leave the key ring.
 */
@ApplicationScoped
public class RrnResealing {

    static final String PURPOSE = "residency/resident-registration-number";
    private static final Logger LOG = Logger.getLogger(RrnResealing.class);

    private final Resealing resealing;
    private final String activeKeyId;

    RrnResealing(DataSource dataSource, RrnCipher cipher, MeterRegistry registry, ResidencySettings settings) {
        this(dataSource, cipher, new ResealProgress(registry, PURPOSE), settings.rrn().reseal().batchSize());
    }

    /** With another cipher: a test's rotated key ring over the service's real database. */
    RrnResealing(DataSource dataSource, RrnCipher cipher, ResealProgress progress, int batchSize) {
        this.activeKeyId = cipher.activeKeyId();
        this.resealing = new Resealing(dataSource,
                new Resealing.SealedColumn("resident", "id", "rrn_key_id", "rrn_ciphertext"),
                activeKeyId, batchSize, progress,
                (keyId, ciphertext, id) -> {
                    RrnCipher.EncryptedRrn sealed = cipher.encrypt(
                            cipher.decrypt(keyId, ciphertext, id.toString()), id.toString());
                    return new AtRestCipher.Sealed(sealed.keyId(), sealed.ciphertext());
                });
    }

    @Scheduled(every = "${portal.residency.rrn.reseal.every}", delayed = "${portal.residency.rrn.reseal.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int total = resealAll();
        if (total > 0) {
            LOG.infof("Re-sealed %d resident registration numbers under key %s", total, activeKeyId);
        }
    }

    /** Re-seals batch after batch until no row under an older key is left unlocked; returns how many. */
    public int resealAll() {
        return resealing.resealAll();
    }
}
