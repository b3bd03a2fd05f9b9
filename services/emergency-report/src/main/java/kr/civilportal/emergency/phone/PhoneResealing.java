package kr.civilportal.emergency.phone;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import kr.civilportal.common.crypto.AtRestCipher;
import kr.civilportal.common.crypto.ResealProgress;
import kr.civilportal.common.crypto.Resealing;
import kr.civilportal.emergency.EmergencyReportSettings;
import org.jboss.logging.Logger;

/**
 * After a key rotation, re-seals reporters' phone numbers still under an older key (common {@link Resealing}: a
 * batch per transaction, safe on every replica at once).
 */
@ApplicationScoped
public class PhoneResealing {

    static final String PURPOSE = "emergency-report/reporter-phone";
    private static final Logger LOG = Logger.getLogger(PhoneResealing.class);

    private final Resealing resealing;
    private final String activeKeyId;

    PhoneResealing(DataSource dataSource, PhoneCipher cipher, MeterRegistry registry,
                   EmergencyReportSettings settings) {
        this.activeKeyId = cipher.activeKeyId();
        this.resealing = new Resealing(dataSource,
                new Resealing.SealedColumn("emergency_report", "id", "reporter_phone_key_id",
                        "reporter_phone_ciphertext"),
                activeKeyId, settings.phone().reseal().batchSize(), new ResealProgress(registry, PURPOSE),
                (keyId, ciphertext, id) -> {
                    PhoneCipher.EncryptedPhone sealed = cipher.encrypt(
                            cipher.decrypt(keyId, ciphertext, id.toString()), id.toString());
                    return new AtRestCipher.Sealed(sealed.keyId(), sealed.ciphertext());
                });
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
        return resealing.resealAll();
    }
}
