package kr.civilportal.notification.preference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A citizen's notification choices; the e-mail address only as its ciphertext ({@link EmailCipher}). */
@Entity
@Table(name = "preference")
public class Preference extends PanacheEntityBase {

    @Id
    @Column(name = "resident_id")
    public UUID residentId;
    @Column(nullable = false)
    public String language;
    @Column(name = "email_sealed")
    public byte[] emailSealed;
    @Column(name = "email_enabled", nullable = false)
    public boolean emailEnabled;
    /** The mobile number's digits, sealed ({@link EmailCipher#sealPhone}). */
    @Column(name = "phone_sealed")
    public byte[] phoneSealed;
    @Column(name = "sms_enabled", nullable = false)
    public boolean smsEnabled;
    /** KakaoTalk 알림톡 (preferred over SMS when both are on). */
    @Column(name = "kakao_enabled", nullable = false)
    public boolean kakaoEnabled;
    /** 방해 금지: no SMS or 알림톡 during the configured quiet hours. */
    @Column(name = "quiet_hours", nullable = false)
    public boolean quietHours = true;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
