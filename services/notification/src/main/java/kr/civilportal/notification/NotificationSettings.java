package kr.civilportal.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The notification service's own settings ({@code portal.notification.*}). Values, with their %dev/%test/%prod
 * differences, are in application.properties only; this interface gives them types and says what each is for.
 * The Kafka channel ({@code mp.messaging.incoming.residency-events.*}), the SMTP server ({@code quarkus.mailer.*})
 * and the database are Quarkus' own settings.
 */
@ConfigMapping(prefix = "portal.notification")
public interface NotificationSettings {

    /** E-mail deliveries: sent after the commit by a scheduled sender, retried with backoff, then parked. */
    Email email();

    /** Citizens' e-mail addresses, encrypted at rest. */
    Cipher cipher();

    /** SMS and KakaoTalk 알림톡 through the text-message provider (docs/text-messages.md). */
    Text text();

    /** The key ring that opens 119 call-back numbers sealed by emergency-report (docs/events.md). */
    CallbackSeal callbackSeal();

    /** Storing an event's deliveries while the database fails: the same event is tried again, never skipped. */
    Intake intake();

    interface Intake {

        /** The first pause before an event is tried again (1s); it doubles after each further failure. */
        Duration initialBackoff();

        /** The longest pause between two tries (1m). */
        Duration maxBackoff();
    }

    interface Email {

        /** How often the sender looks for due PENDING e-mail deliveries (5s); read by the scheduler's annotation. */
        String every();

        /** The pause after start before the first run (10s), so a starting replica serves requests first. */
        String delay();

        /** E-mails sent per run and replica at most (20), each in its own transaction; rows are taken FOR UPDATE SKIP
         * LOCKED, so replicas share. */
        @WithDefault("20")
        int batchSize();

        /** Sending attempts before a delivery is PARKED for officials to see (6). */
        int maxAttempts();

        /** The pause after the first failed attempt (30s); it doubles after each further one. */
        Duration initialBackoff();

        /** The longest pause between two attempts (30m). */
        Duration maxBackoff();

        /** How long one e-mail may take to send (30s) before the attempt counts as failed. */
        Duration sendTimeout();
    }

    interface Cipher {

        /** The id of the AES-GCM key that seals new addresses; from a secret in production. */
        Optional<String> activeKeyId();

        /** All keys by id ({@code id:base64,...}, 32-byte keys), so addresses sealed under an older key still open. */
        Optional<String> keys();
    }

    interface Text {

        /** The provider's base URL for SMS ({@code POST {base}/v1/sms}); without one, sends fail and are parked. */
        Optional<String> smsUrl();

        /** The provider's base URL for 알림톡 ({@code POST {base}/v1/alimtalk}). */
        Optional<String> alimtalkUrl();

        /** How often the sender looks for due SMS and KakaoTalk deliveries (5s); read by the scheduler's annotation. */
        String every();

        /** The pause after start before the first run (10s). */
        String delay();

        /** Messages sent per run and replica at most (20), each in its own transaction. */
        int batchSize();

        /** Attempts before a delivery is PARKED (6). */
        int maxAttempts();

        /** The pause after the first failed attempt (30s); it doubles after each further one. */
        Duration initialBackoff();

        /** The longest pause between two attempts (30m). */
        Duration maxBackoff();

        /** How long one call to the provider may take (10s), connecting included, before it counts as failed. */
        Duration sendTimeout();

        /** 방해 금지 (quiet hours): when it begins (21:00), in {@link #zone()}. */
        LocalTime quietFrom();

        /** When it ends (08:00, the next morning when it is before {@link #quietFrom()}). */
        LocalTime quietUntil();

        /** Whose clock the quiet hours follow (Asia/Seoul). */
        ZoneId zone();

        /**
         * The 알림톡 template code registered with Kakao for each event type ({@code "passport.application.ready-for-pickup"
         * = PASSPORT_READY_FOR_PICKUP}); a type without one goes by SMS to citizens who also turned SMS on.
         */
        Map<String, String> alimtalkTemplates();
    }

    interface CallbackSeal {

        /** The id of emergency-report's sealing key (notification only opens; kept for symmetry and checks). */
        Optional<String> activeKeyId();

        /** All keys by id ({@code id:base64,...}, 32-byte keys): numbers sealed under an older key still open. */
        Optional<String> keys();
    }
}
