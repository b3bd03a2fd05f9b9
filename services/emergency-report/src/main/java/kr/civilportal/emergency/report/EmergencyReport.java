package kr.civilportal.emergency.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import kr.civilportal.emergency.dispatch.Outcome;
import kr.civilportal.emergency.phone.PhoneCipher;
import kr.civilportal.emergency.phone.PhoneNumber;
import kr.civilportal.emergency.triage.Triage;

/**
 * A report to 119 (다매체 신고). The reporter's phone number is held only as ciphertext;
 * {@link #reporterPhone(PhoneCipher)} decrypts it for the dispatcher who calls back.
 */
@Entity
@Table(name = "emergency_report")
public class EmergencyReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ReportCategory category;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    /** Null with longitude when the reporter gave only an address (location refused on the phone). */
    public Double latitude;

    public Double longitude;

    /** The device's location accuracy in metres, when it reported one. */
    @Column(name = "accuracy_m")
    public Double accuracyMeters;

    @Column(length = 300)
    public String address;

    @Column(name = "reporter_phone_key_id", length = 40)
    public String reporterPhoneKeyId;

    @Column(name = "reporter_phone_ciphertext")
    public byte[] reporterPhoneCiphertext;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ReportStatus status;

    /** 1 (most urgent) to 3. */
    @Column(nullable = false)
    public int priority;

    @Column(name = "received_at", nullable = false, columnDefinition = "timestamptz")
    public Instant receivedAt;

    /** SHA-256 of the reporter's receipt token; null for reports that did not come through the API. */
    @Column(name = "receipt_token_hash")
    public byte[] receiptTokenHash;

    @Column(name = "acknowledged_at", columnDefinition = "timestamptz")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by", length = 100)
    public String acknowledgedBy;

    /** When the first unit was assigned. */
    @Column(name = "dispatched_at", columnDefinition = "timestamptz")
    public Instant dispatchedAt;

    @Column(name = "assigned_unit", length = 100)
    public String assignedUnit;

    @Column(name = "closed_at", columnDefinition = "timestamptz")
    public Instant closedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public Outcome outcome;

    /**
     * A newly received report: status RECEIVED, priority from its category and text ({@link Triage}). {@code receivedAt} is cut to
     * microseconds, what PostgreSQL keeps, so the answer shows exactly what was stored.
     */
    public static EmergencyReport received(UUID id, ReportCategory category, String description, Double latitude,
                                           Double longitude, Double accuracyMeters, String address,
                                           PhoneNumber reporterPhone, Instant receivedAt, PhoneCipher cipher) {
        EmergencyReport r = new EmergencyReport();
        r.id = id;
        r.category = category;
        r.description = description;
        r.latitude = latitude;
        r.longitude = longitude;
        r.accuracyMeters = accuracyMeters;
        r.address = address;
        if (reporterPhone != null) {
            PhoneCipher.EncryptedPhone sealed = cipher.encrypt(reporterPhone, id.toString());
            r.reporterPhoneKeyId = sealed.keyId();
            r.reporterPhoneCiphertext = sealed.ciphertext();
        }
        r.status = ReportStatus.RECEIVED;
        r.priority = Triage.assess(category, description).priority();
        r.receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
        return r;
    }

    /** The reporter's number in the clear, or null when none was given. */
    public PhoneNumber reporterPhone(PhoneCipher cipher) {
        return reporterPhoneCiphertext == null ? null
                : cipher.decrypt(reporterPhoneKeyId, reporterPhoneCiphertext, id.toString());
    }
}
